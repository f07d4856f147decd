/** `crviz inspect IMAGE.ckpt [--json]`: reads the file, then hands over to inspect.ts. */
import { loadEngine } from './scenario-file';
import { usage, type CliDeps, type CliResult } from './types';

export async function inspectFileCommand(
  args: { file: string; json: boolean },
  deps: CliDeps,
): Promise<CliResult> {
  const r = deps.readFile(args.file, 'image');
  if (!r.ok) return usage(`${args.file}: ${r.reason}`);
  const inspector = await loadEngine('image inspector', () => deps.loadInspector());
  if (!inspector.ok) return inspector.result;
  return inspector.fn(r.bytes, args.file, args.json);
}
