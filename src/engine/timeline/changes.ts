import type { EngineEvent } from '../events';
import type { ParticipantView, RestartCtxView, TaskView } from '../snapshot';

/**
 * What one timeline frame changed, relative to the frame before it (or the initial world):
 * only the new values. The page's WorldReplay always reaches a frame by walking forwards from the
 * start first, so it notes what each change replaced as it applies it, and can walk back
 * without the recording carrying the old values. Unchanged views are the same objects from
 * frame to frame, so a recording costs its changes, not frames × tasks.
 */
export interface FrameChange {
  current?: number;
  images?: string[];
  /** The container list (small: a few containers). */
  containers?: ContainerHead[];
  tasks?: TaskChange[];
  /** The restart's new head; null when the restart is over. */
  restart?: RestartHead | null;
  /** A restart began or ended: the participant list is replaced wholesale (applied first). */
  participantsReset?: ParticipantView[];
  participants?: ParticipantChange[];
}

/** A container without its tasks. */
export interface ContainerHead {
  id: number;
  destroyed: boolean;
  freezer: 'THAWED' | 'FROZEN';
  root: number;
}

/** Task `pid` of container `c` as it now is; null when it is gone. */
export interface TaskChange {
  c: number;
  pid: number;
  after: TaskView | null;
}

/** Participant `i` of the restart (0 is the coordinator) as it now is (`i` = length: a new one). */
export interface ParticipantChange {
  i: number;
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

/**
 * One position of the timeline: the event that led to it and what it changed in the world
 * (timeline.ts rebuilds the world at any frame from these changes).
 */
export interface Frame {
  event: EngineEvent;
  step: number;
  /** null when the frame changed nothing visible (or shares its step's change with a neighbour). */
  change: FrameChange | null;
  /** Pid of the task holding active_pid after this frame, if a restart is running. */
  active: number | null;
}
