import type { EventInput, EngineLog } from '../events';
import type { KernelFn } from '../kernel-fns';
import type { Actor } from '../part-id';

export interface EmitExtra {
  pid?: number;
  errno?: string;
  data?: Record<string, number | string | boolean | null>;
  /** The tasks the step acted on, when its function may change any (see EventInput). */
  touched?: readonly number[];
}

/** Emits one event of a restart step (actor, kernel function, what happened). */
export type Emit = (actor: Actor, fn: KernelFn, what: string, extra?: EmitExtra) => void;

export function emitterFor(log: EngineLog | null, onEmit?: () => void): Emit {
  return (actor, fn, what, extra) => {
    onEmit?.();
    if (!log) return;
    // Built field by field: this runs a million times in a 100,000-task restart.
    const e: EventInput = { actor, fn, what };
    if (extra) {
      if (extra.pid !== undefined) e.pid = extra.pid;
      if (extra.errno) e.errno = extra.errno;
      if (extra.data) e.data = extra.data;
      if (extra.touched) e.touched = extra.touched;
    }
    log.emit(e);
  };
}
