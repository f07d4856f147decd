import type { RestartState } from '../restart/types';

/**
 * Everything that decides what a restart can still do, as one string. Schedule history (the run
 * queue's order, the steps taken) is left out so that interleavings reaching the same state merge.
 */
export function stateKey(s: RestartState): string {
  const parts: (string | number)[] = [];
  const c = s.coord;
  parts.push(
    c.pc,
    c.nextClone,
    c.result?.errno ?? '',
    c.hasPtr ? 1 : 0,
    c.hasAlloc ? 1 : 0,
    s.offset,
  );
  const ctx = s.ctx;
  if (ctx)
    parts.push(
      ctx.refcount,
      ctx.active,
      ctx.error?.errno ?? '',
      ctx.completed ? 1 : 0,
      ctx.success ? 1 : 0,
    );
  else parts.push('-');
  for (const t of s.tasks) {
    const k = s.container?.tasks.get(t.pid);
    parts.push(
      t.pc,
      (t.hasPtr ? 1 : 0) |
        (t.hasLocal ? 2 : 0) |
        (t.zombie ? 4 : 0) |
        (t.killed ? 8 : 0) |
        (t.restored ? 16 : 0) |
        (t.stopOnReturn ? 32 : 0),
      t.ret?.errno ?? '',
      k ? `${k.state}/${k.exit_state}/${k.flags}/${k.parent}` : 'x',
    );
  }
  parts.push(s.order.length, s.sigchldFromRestarting);
  if (s.completion)
    parts.push(s.completion.liveNotRestored.join('.'), s.completion.zombiesNotZombie.join('.'));
  return parts.join('|');
}
