/**
 * Reads every task of a /proc tree (spec 7.4, step 1) into plain records, before any tree is
 * built. A live /proc changes while it is read, so a task whose files disappear is skipped; a
 * file that is missing while its directory is still there is a broken input and stops the read.
 */
import { parseStat, parseStatus, statusInt, type Stat } from './proc-stat';
import { commFromBytes } from '../kernel/comm';
import { taskRefusal } from '../limits';
import type { ProcReader, ProcRefusal } from './types';

export interface ProcThread {
  tid: number;
  stat: Stat;
}

export interface ProcTask {
  stat: Stat;
  /** Real uid from `status`, to tell when field 52 reads as 0 for lack of ptrace access. */
  uid?: number;
  tracerPid: number;
  /** Threads other than the leader, by tid. */
  threads: ProcThread[];
}

export type ReadOutcome =
  { ok: true; tasks: Map<number, ProcTask>; vanished: number[] } | { ok: false; message: string };

type TaskOutcome =
  { kind: 'task'; task: ProcTask } | { kind: 'vanished' } | { kind: 'error'; message: string };

const numeric = (names: string[]): number[] =>
  names
    .filter((n) => /^[1-9]\d*$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);

/** A stat line with its comm as the kernel's bytes (raw bytes escaped, never U+FFFD). */
function readStat(reader: ProcReader, path: string): string | null | ProcRefusal {
  if (!reader.readBytes) return reader.readFile(path);
  const bytes = reader.readBytes(path);
  return bytes === null || !(bytes instanceof Uint8Array) ? bytes : commFromBytes(bytes);
}

const refused = (r: unknown): r is ProcRefusal => typeof r === 'object' && r !== null;

export function readProc(reader: ProcReader, dir: string): ReadOutcome {
  const names = reader.listDir(dir);
  if (names === null) return { ok: false, message: `${dir}: no such directory (or not readable)` };
  const pids = numeric(names);
  if (pids.length === 0) {
    return { ok: false, message: `${dir}: no numeric pid directories, so not a /proc tree` };
  }
  const tooMany = taskRefusal(pids.length, dir);
  if (tooMany) return { ok: false, message: tooMany };
  const tasks = new Map<number, ProcTask>();
  const vanished: number[] = [];
  for (const pid of pids) {
    const r = readTask(reader, `${dir}/${pid}`, pid);
    if (r.kind === 'error') return { ok: false, message: r.message };
    if (r.kind === 'vanished') vanished.push(pid);
    else tasks.set(pid, r.task);
  }
  if (tasks.size === 0) return { ok: false, message: `${dir}: every task vanished while reading` };
  return { ok: true, tasks, vanished };
}

function readTask(reader: ProcReader, base: string, pid: number): TaskOutcome {
  // Looking at the directory again is what separates "exited meanwhile" from "unreadable".
  const gone = () => reader.listDir(base) === null;
  const missing = (file: string): TaskOutcome =>
    gone() ? { kind: 'vanished' } : { kind: 'error', message: `${base}/${file}: cannot read` };

  const statText = readStat(reader, `${base}/stat`);
  if (statText === null) return missing('stat');
  if (refused(statText)) return { kind: 'error', message: `${base}/stat: ${statText.refused}` };
  const stat = parseStat(statText.replace(/\n$/, ''));
  if (typeof stat === 'string') return { kind: 'error', message: `${base}/stat: ${stat}` };
  if (stat.pid !== pid) {
    return { kind: 'error', message: `${base}/stat: names pid ${stat.pid}, not ${pid}` };
  }
  const statusText = reader.readFile(`${base}/status`);
  if (statusText === null) return missing('status');
  if (refused(statusText)) {
    return { kind: 'error', message: `${base}/status: ${statusText.refused}` };
  }
  const status = parseStatus(statusText);
  const tgid = statusInt(status, 'Tgid');
  if (tgid !== undefined && tgid !== pid) {
    return { kind: 'error', message: `${base}/status: Tgid ${tgid} differs from pid ${pid}` };
  }

  const tids = reader.listDir(`${base}/task`);
  if (tids === null && gone()) return { kind: 'vanished' };
  // A copy of /proc made without task/ can still be read when the process has one thread.
  if (tids === null && stat.numThreads > 1) {
    return { kind: 'error', message: `${base}/task: cannot list (${stat.numThreads} threads)` };
  }
  const threads: ProcThread[] = [];
  for (const tid of numeric(tids ?? [])) {
    if (tid === pid) continue;
    const text = readStat(reader, `${base}/task/${tid}/stat`);
    // Threads come and go all the time; one that has exited since the listing is simply gone.
    if (text === null) continue;
    if (refused(text))
      return { kind: 'error', message: `${base}/task/${tid}/stat: ${text.refused}` };
    const tstat = parseStat(text.replace(/\n$/, ''));
    if (typeof tstat === 'string') {
      return { kind: 'error', message: `${base}/task/${tid}/stat: ${tstat}` };
    }
    threads.push({ tid, stat: tstat });
  }
  return {
    kind: 'task',
    task: {
      stat,
      uid: statusInt(status, 'Uid'),
      tracerPid: statusInt(status, 'TracerPid') ?? 0,
      threads,
    },
  };
}
