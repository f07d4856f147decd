import { describeWaitStatus } from '../engine/kernel/signals';
import type { ParticipantView, TaskView, WorldSnapshot } from '../engine/snapshot';
import type { TaskChange } from '../engine/timeline/changes';

function tasksOf(s: WorldSnapshot): Map<string, TaskView> {
  const m = new Map<string, TaskView>();
  for (const c of s.containers) for (const t of c.tasks) m.set(`${c.id}:${t.pid}`, t);
  return m;
}

function stateText(t: TaskView): string {
  const base = t.state === 'zombie' ? `zombie (${describeWaitStatus(t.exit_code)})` : t.state;
  return `${base}${t.frozen ? ', frozen' : ''}${t.traced ? ', traced' : ''}`;
}

/**
 * Whether a task's line says something (taskLine is not null), from its fields alone, without
 * making the line: a freeze of 100,000 tasks is 100,000 changes, whose lines are made only when
 * shown. (taskLine does not call it: the property test holds the two to each other.)
 */
function shows(old: TaskView | undefined, t: TaskView | undefined): boolean {
  if (!t || !old) return !!t || !!old;
  if (old.ppid !== t.ppid || old.state !== t.state) return true;
  if (old.frozen !== t.frozen || old.traced !== t.traced) return true;
  return (
    t.state === 'zombie' &&
    old.exit_code !== t.exit_code &&
    describeWaitStatus(old.exit_code) !== describeWaitStatus(t.exit_code)
  );
}

/** A task's line: created, gone, changed state or parent; null when nothing shown changed. */
function taskLine(c: number, old: TaskView | undefined, t: TaskView | undefined): string | null {
  if (!t) return old ? `pid ${old.pid} ${old.comm} (container ${c}): gone` : null;
  const where = `pid ${t.pid} ${t.comm} (container ${c})`;
  if (!old) return `${where}: created, ${stateText(t)}`;
  if (stateText(old) !== stateText(t)) return `${where}: ${stateText(old)} → ${stateText(t)}`;
  if (old.ppid !== t.ppid) return `${where}: reparented ${old.ppid} → ${t.ppid}`;
  return null;
}

/** Task `pid` of container `c` in a snapshot (task lists are in pid order). */
function findTask(s: WorldSnapshot, c: number, pid: number): TaskView | undefined {
  const tasks = s.containers.find((x) => x.id === c)?.tasks ?? [];
  let lo = 0;
  let hi = tasks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tasks[mid].pid < pid) lo = mid + 1;
    else hi = mid;
  }
  return tasks[lo]?.pid === pid ? tasks[lo] : undefined;
}

/** Lines read one at a time: a big step's task lines are made when they are read. */
export interface Lines {
  readonly length: number;
  at(i: number): string;
}

/**
 * What one step changed, in words: tasks created, gone or changed; freezer; ctx; images.
 * `changed` (the frame's own list of changed tasks) spares comparing every task, and its lines
 * are made only when read (a 100,000-task step is not read line by line); `parts` (the indices
 * of the participants the frame changed, when it replaced none) spares comparing every
 * participant.
 */
export function stepChangeLines(
  before: WorldSnapshot,
  after: WorldSnapshot,
  changed?: readonly TaskChange[] | null,
  parts?: readonly number[],
): Lines {
  const out: string[] = [];
  let tasks = 0;
  let taskAt: (i: number) => string = () => '';
  if (changed !== undefined) {
    const list = changed ?? [];
    const hits: number[] = [];
    for (let k = 0; k < list.length; k++) {
      const ch = list[k];
      if (shows(findTask(before, ch.c, ch.pid), ch.after ?? undefined)) hits.push(k);
    }
    tasks = hits.length;
    taskAt = (i) => {
      const ch = list[hits[i]];
      return taskLine(ch.c, findTask(before, ch.c, ch.pid), ch.after ?? undefined)!;
    };
  } else {
    const a = tasksOf(before);
    const b = tasksOf(after);
    for (const [k, t] of b) {
      const line = taskLine(Number(k.split(':')[0]), a.get(k), t);
      if (line) out.push(line);
    }
    for (const [k, t] of a) {
      if (!b.has(k)) out.push(taskLine(Number(k.split(':')[0]), t, undefined)!);
    }
  }
  restLines(before, after, parts, out);
  return {
    length: tasks + out.length,
    at: (i) => (i < tasks ? taskAt(i) : out[i - tasks]),
  };
}

/** stepChangeLines as an array: every line made (tests, and readers of every line). */
export function describeChanges(
  before: WorldSnapshot,
  after: WorldSnapshot,
  changed?: readonly TaskChange[] | null,
  parts?: readonly number[],
): string[] {
  const lines = stepChangeLines(before, after, changed, parts);
  return Array.from({ length: lines.length }, (_, i) => lines.at(i));
}

/** The lines after the tasks': containers, images, the ctx and the participants, into `out`. */
function restLines(
  before: WorldSnapshot,
  after: WorldSnapshot,
  parts: readonly number[] | undefined,
  out: string[],
): void {
  for (const c of after.containers) {
    const old = before.containers.find((x) => x.id === c.id);
    if (!old) out.push(`container ${c.id}: created`);
    else {
      if (old.freezer !== c.freezer)
        out.push(`container ${c.id}: freezer ${old.freezer} → ${c.freezer}`);
      if (!old.destroyed && c.destroyed) out.push(`container ${c.id}: destroyed`);
    }
  }
  for (const img of after.images)
    if (!before.images.includes(img)) out.push(`image ${img}: written`);
  const ca = before.restart?.ctx;
  const cb = after.restart?.ctx;
  if (cb) {
    if (!ca) out.push('restart ctx: created');
    else {
      if (ca.active_pid !== cb.active_pid)
        out.push(`ctx active_pid: ${ca.active_pid} → ${cb.active_pid}`);
      if (ca.refcount !== cb.refcount) out.push(`ctx refcount: ${ca.refcount} → ${cb.refcount}`);
      if (ca.error !== cb.error) out.push(`ctx error: ${cb.error ?? 'cleared'}`);
      if (!ca.completed && cb.completed)
        out.push(`ctx completion: ${cb.success ? 'success' : 'failed'}`);
    }
  }
  const line = (old: ParticipantView | undefined, p: ParticipantView) => {
    if (old && old.id === p.id && (old.pc !== p.pc || old.sleeping !== p.sleeping)) {
      const pc = (x: typeof p) =>
        `${x.pc}${x.done ? '' : x.sleeping ? ' (sleeping)' : ' (runnable)'}`;
      out.push(`${p.id}: ${pc(old)} → ${pc(p)}`);
    }
  };
  const pb = after.restart?.participants ?? [];
  const pa = before.restart?.participants ?? [];
  if (parts) {
    // The frame's own list of changed participants (by index): a 100,000-task restart has
    // 100,001 of them, and a step changes one or two.
    for (const i of [...new Set(parts)].sort((x, y) => x - y)) if (pb[i]) line(pa[i], pb[i]);
    return;
  }
  const byId = new Map(pa.map((p) => [p.id, p]));
  for (const p of pb) line(byId.get(p.id), p);
}
