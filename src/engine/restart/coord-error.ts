import type { KError } from '../errno';
import { notifyError } from './ctx';
import type { Emit } from './emit';
import type { RestartState } from './types';

/** The coordinator's own failure: recorded as the ctx error (first error wins), then out:. */
export function failCoordinator(
  s: RestartState,
  error: KError,
  emit: Emit,
  fn: string,
): { broadcast: boolean } {
  emit('coord', fn, error.message, { errno: error.errno });
  notifyError(s, error, null, emit, 'coord');
  s.coord.result = s.ctx!.error;
  s.coord.pc = 'do_restore_coord';
  return { broadcast: true };
}
