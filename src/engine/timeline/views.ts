import { CTX_VIEW_KEYS } from '../restart/view';
import type {
  ContainerView,
  ParticipantView,
  RestartCtxView,
  RestartView,
  TaskView,
  WorldSnapshot,
} from '../snapshot';
import type { ContainerHead, RestartCtxHead, RestartHead } from './changes';

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

/** The ctx view a head stands for: its history as far as the head had seen it. */
function ctxViewOfHead(h: RestartCtxHead): RestartCtxView {
  const v = {} as Record<keyof RestartCtxView, unknown>;
  for (const k of CTX_VIEW_KEYS)
    v[k] = k === 'refcount_history' ? h.history.slice(0, h.historyLength) : h[k];
  return v as RestartCtxView;
}

/** A head for a ctx view (same keys, the history as a mirror of its whole length). */
function ctxHeadOfView(c: RestartCtxView): RestartCtxHead {
  const h = {} as Record<keyof RestartCtxHead, unknown>;
  for (const k of CTX_VIEW_KEYS) {
    if (k !== 'refcount_history') h[k] = c[k];
    else {
      h.history = c.refcount_history;
      h.historyLength = c.refcount_history.length;
    }
  }
  return h as RestartCtxHead;
}

export function restartSnapshot(head: RestartHead, participants: ParticipantView[]): RestartView {
  const ctx = head.ctx;
  return {
    variant: head.variant,
    image: head.image,
    container: head.container,
    pids: head.pids,
    order: head.order.slice(0, head.orderLength),
    ctx: ctx ? ctxViewOfHead(ctx) : null,
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
    ctx: ctx ? ctxHeadOfView(ctx) : null,
    finished: r.finished,
  };
}
