import type {
  ContainerView,
  ParticipantView,
  RestartView,
  TaskView,
  WorldSnapshot,
} from '../snapshot';
import type { ContainerHead, RestartHead } from './changes';

export type SnapshotContainer = WorldSnapshot['containers'][number];

/** A container's tasks in pid order, as snapshots list them. */
export function sortedTasks(tasks: Map<number, TaskView>): TaskView[] {
  return [...tasks.values()].sort((a, b) => a.pid - b.pid);
}

export function containerSnapshot(head: ContainerHead, tasks: TaskView[]): SnapshotContainer {
  const view: ContainerView = { id: head.id, destroyed: head.destroyed, tasks };
  return { ...view, freezer: head.freezer, root: head.root };
}

export function headOfContainer(c: SnapshotContainer): ContainerHead {
  return { id: c.id, destroyed: c.destroyed, freezer: c.freezer, root: c.root };
}

export function restartSnapshot(head: RestartHead, participants: ParticipantView[]): RestartView {
  const ctx = head.ctx;
  return {
    variant: head.variant,
    image: head.image,
    container: head.container,
    pids: head.pids,
    order: head.order.slice(0, head.orderLength),
    ctx: ctx
      ? {
          active_pid: ctx.active_pid,
          nr_pids: ctx.nr_pids,
          refcount: ctx.refcount,
          refcount_history: ctx.history.slice(0, ctx.historyLength),
          error: ctx.error,
          completed: ctx.completed,
          success: ctx.success,
          freed: ctx.freed,
        }
      : null,
    participants,
    finished: head.finished,
  };
}

export function headOfRestart(r: RestartView): RestartHead {
  const { ctx } = r;
  return {
    variant: r.variant,
    image: r.image,
    container: r.container,
    pids: r.pids,
    order: r.order,
    orderLength: r.order.length,
    ctx: ctx
      ? {
          active_pid: ctx.active_pid,
          nr_pids: ctx.nr_pids,
          refcount: ctx.refcount,
          history: ctx.refcount_history,
          historyLength: ctx.refcount_history.length,
          error: ctx.error,
          completed: ctx.completed,
          success: ctx.success,
          freed: ctx.freed,
        }
      : null,
    finished: r.finished,
  };
}
