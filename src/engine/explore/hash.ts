import type { RestartState } from '../restart/types';

const b = (x: boolean): string => (x ? '1' : '0');

/**
 * Everything that decides what a restart can still do, as one string: the fields the tables of
 * restart/fields.ts mark `state` (restart/fields.test.ts checks the key changes with each of
 * them and with no other). Schedule history (the run queue's order, the steps taken) is left
 * out so that interleavings reaching the same state merge. Plain concatenation rather than a
 * walk over the tables: this runs once per explored edge, and the walk made exploring 1.5 times
 * slower.
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
      (t.ctxNull ? 32 : 0);
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
