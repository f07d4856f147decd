import type { RestartState } from '../restart/types';

const b = (x: boolean): string => (x ? '1' : '0');

/**
 * Everything that decides what a restart can still do, as one string. Schedule history (the run
 * queue's order, the steps taken) is left out so that interleavings reaching the same state merge.
 * Plain concatenation: this runs once per explored edge.
 */
export function stateKey(s: RestartState): string {
  const c = s.coord;
  let k =
    c.pc +
    '|' +
    c.nextClone +
    '|' +
    (c.result?.errno ?? '') +
    b(c.hasPtr) +
    b(c.hasAlloc) +
    '|' +
    s.offset;
  const ctx = s.ctx;
  k += ctx
    ? '|' +
      ctx.refcount +
      ',' +
      ctx.active +
      ',' +
      ctx.nrTotal +
      ',' +
      (ctx.error?.errno ?? '') +
      b(ctx.completed) +
      b(ctx.success)
    : '|-';
  const tasks = s.container?.tasks;
  for (const t of s.tasks) {
    const flags =
      (t.hasPtr ? 1 : 0) |
      (t.hasLocal ? 2 : 0) |
      (t.zombie ? 4 : 0) |
      (t.killed ? 8 : 0) |
      (t.restored ? 16 : 0) |
      (t.ctxNull ? 32 : 0) |
      (t.ghost ? 64 : 0);
    k += '|' + t.pc + ',' + flags + ',' + (t.ret?.errno ?? '');
    const task = tasks?.get(t.pid);
    k += task
      ? ',' + task.state + '/' + task.exit_state + '/' + task.flags + '/' + task.parent
      : ',x';
  }
  k += '|' + s.order.length + '|' + s.sigchldFromRestarting + '|' + (s.spurious ? 1 : 0);
  if (s.completion)
    k +=
      '|' + s.completion.liveNotRestored.join('.') + ';' + s.completion.zombiesNotZombie.join('.');
  return k;
}
