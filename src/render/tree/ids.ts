/** Pid used for the restart coordinator in tree callbacks (no task has pid 0). */
export const COORDINATOR_PID = 0;
