import type { ParticipantView, RestartView } from '../snapshot';
import { canRun } from './runnable';
import { toArray } from './trail';
import type { Part, RestartState } from './types';

/** Plain-data view of a restart in progress, for snapshots and the UI. */
export function restartView(s: RestartState): RestartView {
  const ctx = s.ctx;
  const part = (p: Part): ParticipantView => {
    const runnable = canRun(s, p);
    const done = p.pc === 'done';
    return {
      id: p.id,
      pid: p.kind === 'task' ? p.pid : null,
      pc: p.pc,
      sleeping: !done && !runnable,
      runnable,
      done,
      zombie: p.kind === 'task' && p.zombie,
    };
  };
  return {
    variant: s.variant,
    image: s.imageName,
    container: s.container?.id ?? 0,
    pids: s.pids.map((e) => e.vpid),
    order: s.order.slice(),
    ctx: ctx
      ? {
          active_pid: ctx.active,
          nr_pids: ctx.nrPids,
          refcount: ctx.refcount,
          refcount_history: toArray(ctx.refHistory),
          error: ctx.error ? `${ctx.error.errno}: ${ctx.error.message}` : null,
          completed: ctx.completed,
          success: ctx.success,
          freed: ctx.freed,
        }
      : null,
    participants: [s.coord, ...s.tasks].map(part),
    finished: s.finished,
  };
}
