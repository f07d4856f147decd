/** `crviz import FILE`: reads a criu-tree/1 bundle and hands the text to the pure importer. */
import { loadEngine, readText } from './scenario-file';
import { noteLine } from './snapshot';
import { usage, type CliDeps, type CliResult } from './types';

export async function importCommand(args: { file: string }, deps: CliDeps): Promise<CliResult> {
  const t = readText(deps, args.file, 'bundle');
  if (!t.ok) return t.result;
  const mod = await loadEngine('bundle importer', () => import('../engine/import/bundle'));
  if (!mod.ok) return mod.result;
  const r = mod.fn.importBundle(t.text, args.file);
  if (!r.ok) return usage(`${args.file}: ${r.message}`);
  return { stdout: r.json, stderr: noteLine(r.tasks, r.notes), exitCode: 0 };
}
