import { kerror } from '../errno';
import { failCoordinator } from './coord-error';
import { ctxGet } from './ctx';
import type { Emit } from './emit';
import type { RestartState } from './types';
import { countsCompletion } from './variant';

const A = 'coord';

/**
 * prepare_descendants: a DFS over the root's descendants (and the root's other threads) that
 * gives every non-zombie task the ctx (one reference each) and wakes it. The number marked must
 * equal nr_pids under the 28/80 rule, otherwise -ESRCH.
 */
export function prepareDescendants(s: RestartState, emit: Emit): { broadcast: boolean } {
  const c = s.container!;
  const ctx = s.ctx!;
  const root = c.tasks.get(s.pids[0].vpid)!;
  const roots = [
    root.pid,
    ...c.outer.filter((pid) => pid !== root.pid && c.tasks.get(pid)?.tgid === root.tgid),
  ];
  let marked = 0;
  const stack = [...roots].reverse();
  while (stack.length) {
    const t = c.tasks.get(stack.pop()!)!;
    if (t.ptracer)
      return failCoordinator(
        s,
        kerror('EBUSY', `pid ${t.pid} is ptraced`),
        emit,
        'prepare_descendants',
      );
    const part = s.byPid.get(t.pid);
    if (t.exit_state === 0 && part) {
      part.hasPtr = true;
      ctxGet(ctx);
      marked++;
    }
    for (let k = t.children.length - 1; k >= 0; k--) stack.push(t.children[k]);
  }
  // 73/80: "Actual tasks count may exceed ctx->nr_pids due of 'dead' tasks used as
  // place-holders for PGIDs, but not fall short"; the count becomes nr_total.
  if (countsCompletion(s.variant) ? marked < ctx.nrPids : marked !== ctx.nrPids) {
    const error = kerror(
      'ESRCH',
      `prepare_descendants marked ${marked} tasks for ${ctx.nrPids} pids entries`,
    );
    return failCoordinator(s, error, emit, 'prepare_descendants');
  }
  ctx.nrTotal = marked;
  emit(A, 'prepare_descendants', `gives the ctx to ${marked} tasks and wakes them`, {
    data: { refcount: ctx.refcount, marked },
  });
  s.coord.pc = 'restore_activate_next';
  return { broadcast: true };
}
