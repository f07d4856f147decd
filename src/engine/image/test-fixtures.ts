/** Images shared by the image and inspect tests (spec 2.12's three-task example). */
import type { ImageInput, TaskRecord } from './types';

const live = (comm: string): TaskRecord => ({
  state: 2, // frozen: TASK_UNINTERRUPTIBLE in the refrigerator
  exit_state: 0,
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  set_child_tid: 0,
  clear_child_tid: 0,
  comm,
});

/** Container init 1, its child 2, and 2's zombie child 3 that exited 51. */
export const THREE_TASKS: ImageInput = {
  uflags: 0,
  pids: [
    { vpid: 1, vppid: 0, vtgid: 1, vpgid: 1, vsid: 1 },
    { vpid: 2, vppid: 1, vtgid: 2, vpgid: 1, vsid: 1 },
    { vpid: 3, vppid: 2, vtgid: 3, vpgid: 1, vsid: 1 },
  ],
  tasks: [
    live('init'),
    live('parent'),
    {
      state: 64,
      exit_state: 16,
      exit_code: 0x3300,
      exit_signal: 0,
      pdeath_signal: 0,
      set_child_tid: 0,
      clear_child_tid: 0,
      comm: 'kid',
    },
  ],
};

export const REFUSED_TEXT = 'pid 3 tsk sleep err -16]: unfrozen or wrong cgroup';

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function unhex(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) =>
    parseInt(clean.slice(2 * i, 2 * i + 2), 16),
  );
}
