/** The simulated 2.6.31 task-tree kernel: every operation, for the step runner and the UI. */
export {
  createWorld,
  currentContainer,
  newContainer,
  cloneContainer,
  cloneTask,
  createTask,
} from './world';
export { buildContainer } from './build';
export { fork, thread, type ForkArgs, type ThreadArgs } from './fork';
export { exit, threadExit, type ExitArgs } from './exit-ops';
export { beginExit, exitNotify, finishExit, doExit } from './exit';
export { kill, type KillArgs } from './kill';
export { wait, release, type WaitArgs, type WaitResult } from './wait';
export { ignoreSigchld, pdeathsig } from './prctl';
export { ptraceAttach, ptraceDetach } from './ptrace';
export { freeze, thaw, leaveFreezer, destroy } from './freezer';
export { taskView, containerView, stateName } from './view';
export { childReaper } from './reparent';
