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
  return { stdout: r.json, stderr: noteLines(r.tasks, r.notes), exitCode: 0 };
}

/**
 * stderr of `import` and `snapshot`: a count, then one `note: ` line per caveat (CONTRACTS.md
 * section 1: what CRIU would refuse or change, and what the importer had to decide). The same
 * lines are in the scenario's description.
 */
export function noteLines(tasks: number, notes: string[]): string {
  const n = notes.length;
  const head = `${tasks} task${tasks === 1 ? '' : 's'}, ${n} note${n === 1 ? '' : 's'}\n`;
  return head + notes.map((line) => `note: ${line}\n`).join('');
}
