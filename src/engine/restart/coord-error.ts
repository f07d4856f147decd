import type { KError } from '../errno';
import { errorNote, recordError } from './ctx';
import type { Emit } from './emit';
import type { RestartState } from './types';
import type { KernelFn } from '../kernel-fns';

/** The coordinator's own failure: recorded as the ctx error (first error wins), then out:. */
export function failCoordinator(
  s: RestartState,
  error: KError,
  emit: Emit,
  fn: KernelFn,
): { broadcast: boolean } {
  const first = recordError(s, error, null);
  emit('coord', fn, `${error.message}; ${errorNote(s, first, error)}`, { errno: error.errno });
  s.coord.result = s.ctx!.error;
  s.coord.pc = 'do_restore_coord';
  return { broadcast: true };
}
