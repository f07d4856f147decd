import type { KError, KResult } from '../errno';
import * as k from '../kernel';
import type { World } from '../kernel/types';
import type { StepOutcome } from './outcome';
import type { Step } from './types';

type KernelOp =
  | 'fork'
  | 'thread'
  | 'exit'
  | 'thread_exit'
  | 'kill'
  | 'wait'
  | 'release'
  | 'ignore_sigchld'
  | 'pdeathsig'
  | 'ptrace'
  | 'ptrace_detach'
  | 'freeze'
  | 'thaw'
  | 'leave_freezer'
  | 'destroy';

export type KernelStep = Extract<Step, { op: KernelOp }>;

const KERNEL_OPS = new Set<string>([
  'fork',
  'thread',
  'exit',
  'thread_exit',
  'kill',
  'wait',
  'release',
  'ignore_sigchld',
  'pdeathsig',
  'ptrace',
  'ptrace_detach',
  'freeze',
  'thaw',
  'leave_freezer',
  'destroy',
]);

export function isKernelStep(step: Step): step is KernelStep {
  return KERNEL_OPS.has(step.op);
}

type Fields = StepOutcome['fields'];
type Applied = { ok: true; fields: Fields } | { ok: false; error: KError; fields: Fields };

function applied<T>(r: KResult<T>, fields: (v: T) => Fields): Applied {
  return r.ok ? { ok: true, fields: fields(r.value) } : { ok: false, error: r.error, fields: {} };
}

/** Task-tree ops of CONTRACTS.md 2.2 that need neither checkpoint nor restart. */
export function applyKernelStep(world: World, step: KernelStep): Applied {
  const pid = (v: { pid: number }): Fields => ({ pid: v.pid });
  const none = (): Fields => ({});
  switch (step.op) {
    case 'fork':
      return applied(k.fork(world, step), pid);
    case 'thread':
      return applied(k.thread(world, step), pid);
    case 'exit':
      return applied(k.exit(world, step), none);
    case 'thread_exit':
      return applied(k.threadExit(world, step), none);
    case 'kill':
      return applied(k.kill(world, step), none);
    case 'wait':
      return applied(k.wait(world, step), (v) => ({ child: v.child, status: v.status }));
    case 'release':
      return applied(k.release(world, step), none);
    case 'ignore_sigchld':
      return applied(k.ignoreSigchld(world, step), none);
    case 'pdeathsig':
      return applied(k.pdeathsig(world, step), none);
    case 'ptrace':
      return applied(k.ptraceAttach(world, step), none);
    case 'ptrace_detach':
      return applied(k.ptraceDetach(world, step), none);
    case 'freeze':
      return applied(k.freeze(world), none);
    case 'thaw':
      return applied(k.thaw(world), none);
    case 'leave_freezer':
      return applied(k.leaveFreezer(world, step), none);
    case 'destroy':
      return applied(k.destroy(world), none);
  }
}
