/** `crviz snapshot [--proc DIR] [--root PID]`: hands the reader to the pure importer. */
import { loadEngine } from './scenario-file';
import { usage, type CliDeps, type CliResult } from './types';

export async function snapshotCommand(
  args: { proc?: string; root?: number },
  deps: CliDeps,
): Promise<CliResult> {
  if (!deps.proc) return usage('crviz snapshot: no /proc reader in this environment');
  const mod = await loadEngine('/proc importer', () => import('../engine/import/snapshot'));
  if (!mod.ok) return mod.result;
  const r = mod.fn.snapshotProc(deps.proc.reader, {
    proc: args.proc,
    root: args.root,
    viewerUid: deps.proc.uid,
  });
  if (!r.ok) return usage(`crviz snapshot: ${r.message}`);
  return { stdout: r.json, stderr: noteLine(r.tasks, r.notes), exitCode: 0 };
}

/** One stderr line: the caveats are in the scenario's description, not repeated here. */
export function noteLine(tasks: number, notes: string[]): string {
  const n = notes.length;
  const tail = n ? `, ${n} note${n === 1 ? '' : 's'} in the description` : '';
  return `${tasks} task${tasks === 1 ? '' : 's'}${tail}\n`;
}
