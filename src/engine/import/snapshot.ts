/**
 * `crviz snapshot`: a live /proc (or a copy of one) as a crviz-scenario/1 with no steps
 * (spec criu-and-proc.md section 7).
 */
import { count, emitScenario } from './emit';
import { readProc } from './proc-read';
import { buildTree } from './proc-tree';
import type { ImportResult, ProcReader } from './types';

export interface SnapshotOptions {
  /** The /proc directory; `/proc` by default. */
  proc?: string;
  /** Root of the tree; pid 1 by default (the spec's "keep pid 1 as the root"). */
  root?: number;
  /** Uid of the reading process, when known (see TreeOptions). */
  viewerUid?: number;
}

export function snapshotProc(reader: ProcReader, opts: SnapshotOptions = {}): ImportResult {
  const dir = trimSlash(opts.proc ?? '/proc');
  const read = readProc(reader, dir);
  if (!read.ok) return read;
  const root = opts.root ?? 1;
  const rootTask = read.tasks.get(root);
  if (!rootTask) {
    const why = read.vanished.includes(root) ? 'vanished while reading' : 'does not exist';
    const hint = opts.root === undefined ? ' (choose another root with --root PID)' : '';
    return { ok: false, message: `${dir}: pid ${root} ${why}${hint}` };
  }
  if (rootTask.stat.state === 'X') return { ok: false, message: `${dir}: pid ${root} is dead (X)` };
  const { tree, notes } = buildTree(read.tasks, root, { viewerUid: opts.viewerUid });
  if (read.vanished.length > 0) {
    notes.push(`vanished while being read, left out: pids ${read.vanished.join(', ')}`);
  }
  const zombies = tree.filter((e) => e.state === 'zombie').length;
  return emitScenario(
    {
      name: 'snapshot',
      title: `Snapshot of ${dir} from pid ${root}`,
      summary:
        `Read from ${dir} (source: procfs), root pid ${root}: ${count(tree.length, 'task')}, ` +
        `${count(zombies, 'zombie')}. Not atomic: the tree may have changed while it was read; ` +
        `stop signals and pdeath signals are not visible in /proc.`,
      notes,
      tree,
    },
    `${dir}`,
  );
}

function trimSlash(dir: string): string {
  const t = dir.replace(/\/+$/, '');
  return t === '' ? '/' : t;
}
