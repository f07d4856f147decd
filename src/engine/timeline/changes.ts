import type { ParticipantView, RestartCtxView, TaskView } from '../snapshot';

/**
 * What one timeline frame changed, relative to the frame before it (or the initial world).
 * Every change carries the value before and after, so a cursor can walk the timeline both ways
 * in time proportional to what changed, never to the size of the tree. Unchanged views are the
 * same objects from frame to frame, so a recording costs its changes, not frames × tasks.
 */
export interface FrameChange {
  current?: [number, number];
  images?: [string[], string[]];
  /** The container list (small: a few containers), before and after. */
  containers?: [ContainerHead[], ContainerHead[]];
  tasks?: TaskChange[];
  restart?: [RestartHead | null, RestartHead | null];
  /** A restart began or ended: the participant list is replaced wholesale (applied first). */
  participantsReset?: [ParticipantView[], ParticipantView[]];
  participants?: ParticipantChange[];
}

/** A container without its tasks. */
export interface ContainerHead {
  id: number;
  destroyed: boolean;
  freezer: 'THAWED' | 'FROZEN';
  root: number;
}

/** A task of container `c` created (before null), changed, or gone (after null). */
export interface TaskChange {
  c: number;
  before: TaskView | null;
  after: TaskView | null;
}

/** Participant `i` of the restart (0 is the coordinator) added (before null) or changed. */
export interface ParticipantChange {
  i: number;
  before: ParticipantView | null;
  after: ParticipantView;
}

/**
 * A restart without its participants. `order` and the ctx's `history` only ever grow during a
 * run: every head of the run shares one array and says how much of it it had seen.
 */
export interface RestartHead {
  variant: string;
  image: string;
  container: number;
  pids: number[];
  order: number[];
  orderLength: number;
  ctx: RestartCtxHead | null;
  finished: boolean;
}

export type RestartCtxHead = Omit<RestartCtxView, 'refcount_history'> & {
  history: number[];
  historyLength: number;
};
