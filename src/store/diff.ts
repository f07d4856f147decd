import { describeWaitStatus } from '../engine/kernel/signals';
import type { TaskView, WorldSnapshot } from '../engine/snapshot';

function tasksOf(s: WorldSnapshot): Map<string, TaskView> {
  const m = new Map<string, TaskView>();
  for (const c of s.containers) for (const t of c.tasks) m.set(`${c.id}:${t.pid}`, t);
  return m;
}

function stateText(t: TaskView): string {
  const base = t.state === 'zombie' ? `zombie (${describeWaitStatus(t.exit_code)})` : t.state;
  return `${base}${t.frozen ? ', frozen' : ''}${t.traced ? ', traced' : ''}`;
}

/** What one step changed, in words: tasks created, gone or changed; freezer; ctx; images. */
export function describeChanges(before: WorldSnapshot, after: WorldSnapshot): string[] {
  const out: string[] = [];
  const a = tasksOf(before);
  const b = tasksOf(after);
  for (const [k, t] of b) {
    const old = a.get(k);
    const where = `pid ${t.pid} ${t.comm} (container ${k.split(':')[0]})`;
    if (!old) out.push(`${where}: created, ${stateText(t)}`);
    else if (stateText(old) !== stateText(t))
      out.push(`${where}: ${stateText(old)} → ${stateText(t)}`);
    else if (old.ppid !== t.ppid) out.push(`${where}: reparented ${old.ppid} → ${t.ppid}`);
  }
  for (const [k, t] of a) {
    if (!b.has(k)) out.push(`pid ${t.pid} ${t.comm} (container ${k.split(':')[0]}): gone`);
  }
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
  const pa = new Map((before.restart?.participants ?? []).map((p) => [p.id, p]));
  for (const p of after.restart?.participants ?? []) {
    const old = pa.get(p.id);
    if (old && (old.pc !== p.pc || old.sleeping !== p.sleeping)) {
      const pc = (x: typeof p) =>
        `${x.pc}${x.done ? '' : x.sleeping ? ' (sleeping)' : ' (runnable)'}`;
      out.push(`${p.id}: ${pc(old)} → ${pc(p)}`);
    }
  }
  return out;
}
