/** Words for the numbers of a task record, for inspect and the UI. */
import {
  EXIT_DEAD,
  EXIT_ZOMBIE,
  TASK_DEAD,
  TASK_INTERRUPTIBLE,
  TASK_RUNNING,
  TASK_STOPPED,
  TASK_STOPPED_STATE,
  TASK_TRACED,
  TASK_UNINTERRUPTIBLE,
} from '../kernel/constants';

const STATES: Record<number, string> = {
  [TASK_RUNNING]: 'running',
  [TASK_INTERRUPTIBLE]: 'interruptible',
  // What a frozen task records: it sits in the refrigerator (spec 1.2).
  [TASK_UNINTERRUPTIBLE]: 'uninterruptible',
  [TASK_STOPPED]: 'stopped',
  // 2.6.31's TASK_STOPPED, what a job-stopped task records.
  [TASK_STOPPED_STATE]: 'stopped',
  [TASK_TRACED]: 'traced',
  [TASK_DEAD]: 'dead',
};

/** "zombie" for a zombie record, "dead" for EXIT_DEAD, else the name of `state` (or its hex). */
export function stateName(state: number, exitState: number): string {
  if (exitState === EXIT_ZOMBIE) return 'zombie';
  if (exitState === EXIT_DEAD) return 'dead';
  return STATES[state] ?? `0x${(state >>> 0).toString(16)}`;
}
