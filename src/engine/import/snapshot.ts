/**
 * `crviz snapshot`: a live /proc (or a copy of one) as a crviz-scenario/1 with no steps
 * (spec criu-and-proc.md section 7).
 */
import { criuNotes, noteText } from './criu-notes';
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
  const asked = opts.root ?? 1;
  // /proc lists thread groups only; a tid given as the root stands for its thread group.
  const group = [...read.tasks.values()].find((t) => t.threads.some((th) => th.tid === asked));
  const root = read.tasks.has(asked) || !group ? asked : group.stat.pid;
  const rootTask = read.tasks.get(root);
  if (!rootTask) {
    const why = read.vanished.includes(root) ? 'vanished while reading' : 'does not exist';
    const hint = opts.root === undefined ? ' (choose another root with --root PID)' : '';
    return { ok: false, message: `${dir}: pid ${root} ${why}${hint}` };
  }
  if (rootTask.stat.state === 'X') return { ok: false, message: `${dir}: pid ${root} is dead (X)` };
  const { tree, notes } = buildTree(read.tasks, root, { viewerUid: opts.viewerUid });
  if (root !== asked)
    notes.unshift(`pid ${asked} is a thread of ${root}: the tree starts at ${root}`);
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
      // Said before a dump is tried: what criu dump would refuse and what its restore changes.
      moreNotes: (parsed) =>
        criuNotes(
          parsed.map((e) => ({ ...e, traced: (read.tasks.get(e.pid)?.tracerPid ?? 0) > 0 })),
        ).map((n) =>
          noteText(parsed.find((e) => e.pid === n.pid) ?? { pid: n.pid, comm: '' }, n.text),
        ),
    },
    `${dir}`,
  );
}

function trimSlash(dir: string): string {
  const t = dir.replace(/\/+$/, '');
  return t === '' ? '/' : t;
}
