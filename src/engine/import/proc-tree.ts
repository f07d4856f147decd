/**
 * Builds the crviz tree from the tasks read out of /proc: the subtree under the chosen root,
 * parents before children and each leader followed by its threads (parseScenario's order), pids
 * kept as they are. Cases that CRIU would refuse are kept and noted (spec 7.5).
 */
import type { ProcTask, ProcThread } from './proc-read';
import {
  coreDumped,
  describeStatus,
  letterNote,
  mapState,
  SIGCHLD,
  validSignal,
} from './proc-state';
import { taskLabel } from './criu-notes';
import type { OutEntry } from './types';

export interface TreeOptions {
  /** Uid of the reader; with it, a zombie's exit code of 0 can be flagged as unknown. */
  viewerUid?: number;
}

interface Placed {
  entry: OutEntry;
  starttime: number;
  /** For a zombie leader with live threads: the thread that inherits its children. */
  heir?: number;
}

export function buildTree(
  tasks: Map<number, ProcTask>,
  root: number,
  opts: TreeOptions = {},
): { tree: OutEntry[]; notes: string[] } {
  const children = new Map<number, number[]>();
  for (const [pid, t] of tasks) {
    if (pid === root) continue;
    const list = children.get(t.stat.ppid) ?? [];
    list.push(pid); // tasks are in pid order, so every list is too
    children.set(t.stat.ppid, list);
  }
  const tree: OutEntry[] = [];
  const notes: string[] = [];
  const placed = new Map<number, Placed>();
  // Explicit stack rather than recursion: deep chains of processes must not overflow.
  const stack: { pid: number; parent: number }[] = [{ pid: root, parent: 0 }];
  while (stack.length > 0) {
    const { pid, parent } = stack.pop() as { pid: number; parent: number };
    if (placed.has(pid)) continue;
    const task = tasks.get(pid) as ProcTask;
    const ppid = parentFor(task, parent, placed, notes);
    if (ppid === null) continue;
    const p = placeProcess(task, ppid, opts, notes);
    placed.set(pid, p);
    tree.push(p.entry, ...threadEntries(task, p, notes));
    const kids = children.get(pid) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ pid: kids[i], parent: pid });
  }
  return { tree, notes };
}

const label = (t: ProcTask) => taskLabel({ pid: t.stat.pid, comm: t.stat.comm });

/** The ppid to write, or null when the task has to be left out. */
function parentFor(
  task: ProcTask,
  parent: number,
  placed: Map<number, Placed>,
  notes: string[],
): number | null {
  if (task.stat.state === 'X') {
    notes.push(`${label(task)}: state X (dead, being reaped), left out with its children`);
    return null;
  }
  const p = placed.get(parent);
  if (!p) return 0; // the root
  if (task.stat.starttime < p.starttime) {
    notes.push(`${label(task)}: started before its parent ${parent}, so that pid was reused`);
    return null;
  }
  if (p.entry.state !== 'zombie') return parent;
  // The kernel hands a dead leader's children to a live thread of its group (find_new_reaper).
  if (p.heir !== undefined) return p.heir;
  notes.push(`${label(task)}: its parent ${parent} is a zombie (it exited while /proc was read)`);
  return null;
}

function placeProcess(task: ProcTask, ppid: number, opts: TreeOptions, notes: string[]): Placed {
  const s = task.stat;
  const state = mapState(s.state);
  const note = (m: string) => notes.push(`${label(task)}: ${m}`);
  const entry: OutEntry = { pid: s.pid, ppid, comm: s.comm, state };
  if (state === 'zombie') entry.exit_code = zombieExitCode(task, opts, note);
  if (validSignal(s.exitSignal) && s.exitSignal !== SIGCHLD) entry.exit_signal = s.exitSignal;
  // 0 means "outside this pid namespace"; crviz needs a pid, so the parent's is inherited.
  if (s.pgrp > 0) entry.pgid = s.pgrp;
  else note(`process group 0 (leader outside the pid namespace), parent's used`);
  if (s.session > 0) entry.sid = s.session;
  else note(`session 0 (leader outside the pid namespace), parent's used`);

  const odd = letterNote(s.state);
  if (odd) note(odd);
  if (task.tracerPid > 0) note(`traced by pid ${task.tracerPid}; the tracer is not imported`);
  // What else CRIU refuses (a zombie root, a zombie leader with live threads, ...) is said by
  // criu-notes.ts from the finished tree; sid 0 is only visible here, before it is replaced.
  if (state === 'zombie' && s.session === 0)
    note('zombie with session 0: not checkpointable by CRIU');
  if (state === 'stopped' && s.exitCode !== undefined && s.exitCode > 0) {
    // Field 52 of a group-stopped task holds its stop signal (observed: 19 after SIGSTOP).
    note(`stopped by signal ${s.exitCode} (stat field 52)`);
  }

  const live = task.threads.filter((t) => !['Z', 'X'].includes(t.stat.state));
  return { entry, starttime: s.starttime, heir: state === 'zombie' ? live[0]?.tid : undefined };
}

function zombieExitCode(task: ProcTask, opts: TreeOptions, note: (m: string) => void): number {
  const code = task.stat.exitCode;
  if (code === undefined) {
    note('no stat field 52 (kernel before 3.5): exit code unknown, imported as 0');
    return 0;
  }
  const v = opts.viewerUid;
  // Without ptrace-read access the kernel prints 0; root always has it, the owner normally does.
  if (code === 0 && v !== undefined && v !== 0 && task.uid !== undefined && task.uid !== v) {
    note(`another user's zombie: exit code unknown (reads as 0 without ptrace access)`);
    return 0;
  }
  note(`zombie, ${describeStatus(code)} (wait status ${code})`);
  if (coreDumped(code)) note('core-dumped status: Linux-CR v18 refuses to restart it');
  return code;
}

function threadEntries(task: ProcTask, leader: Placed, notes: string[]): OutEntry[] {
  const out: OutEntry[] = [];
  for (const t of task.threads) {
    if (t.stat.state === 'Z' || t.stat.state === 'X') {
      // An exiting non-leader thread is reaped at once; crviz has no lasting state for it.
      notes.push(`${label(task)}: thread ${t.tid} is exiting (${t.stat.state}), left out`);
      continue;
    }
    out.push(threadEntry(t, task.stat.pid, leader.entry.ppid));
    const odd = letterNote(t.stat.state);
    if (odd) notes.push(`${label(task)}: thread ${t.tid}: ${odd}`);
  }
  return out;
}

function threadEntry(t: ProcThread, tgid: number, ppid: number): OutEntry {
  const e: OutEntry = { pid: t.tid, ppid, tgid, comm: t.stat.comm, state: mapState(t.stat.state) };
  if (validSignal(t.stat.exitSignal) && t.stat.exitSignal !== -1) e.exit_signal = t.stat.exitSignal;
  return e;
}
