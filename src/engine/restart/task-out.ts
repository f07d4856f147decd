import type { KError } from '../errno';
import type { Emit } from './emit';
import type { TaskPart } from './types';
import type { KernelFn } from '../kernel-fns';

/** Records the task's error and sends it down the out: path. */
export function fail(
  p: TaskPart,
  error: KError,
  emit: Emit | null,
  fn: KernelFn,
  prefix: string,
): { broadcast: boolean } {
  p.ret = error;
  if (emit)
    emit(p.id, fn, `${prefix}: ${error.message}, returns ${error.code}`, {
      pid: p.pid,
      errno: error.errno,
    });
  p.pc = 'clear_task_ctx';
  return { broadcast: false };
}

export function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}
