/** 2.6.31-era task state constants (spec/linux-cr.md 1.1). Note the old EXIT_* values. */
export const TASK_RUNNING = 0;
export const TASK_INTERRUPTIBLE = 1;
export const TASK_UNINTERRUPTIBLE = 2;
export const TASK_STOPPED = 4; // __TASK_STOPPED
export const TASK_TRACED = 8; // __TASK_TRACED
export const EXIT_ZOMBIE = 16;
export const EXIT_DEAD = 32;
export const TASK_DEAD = 64;
export const TASK_WAKEKILL = 128;
/**
 * 2.6.31's TASK_STOPPED (include/linux/sched.h): TASK_WAKEKILL | __TASK_STOPPED. It is what a
 * job-stopped task's state reads, so it is what checkpoint_task_struct saves.
 */
export const TASK_STOPPED_STATE = TASK_WAKEKILL | TASK_STOPPED; // 132

export const PF_EXITING = 0x00000004;
export const PF_RESTARTING = 0x08000000; // v17/v18 value

export const TASK_COMM_LEN = 16;
export const NSIG = 64;
export const SIGCHLD = 17;
export const SIGKILL = 9;
export const SIGSTOP = 19;
export const SIGCONT = 18;
export const SIGHUP = 1;

/** valid_signal(): 0..64 as an unsigned comparison; anything negative as s32 is invalid. */
export function validSignal(sig: number): boolean {
  return sig >>> 0 <= NSIG;
}
