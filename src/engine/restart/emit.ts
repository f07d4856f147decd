import type { EventLog } from '../events';

export interface EmitExtra {
  pid?: number;
  errno?: string;
  data?: Record<string, number | string | boolean | null>;
}

/** Emits one event of a restart step (actor, kernel function, what happened). */
export type Emit = (actor: string, fn: string, what: string, extra?: EmitExtra) => void;

export function emitterFor(log: EventLog | null, onEmit?: () => void): Emit {
  return (actor, fn, what, extra) => {
    onEmit?.();
    if (!log) return;
    log.emit({
      actor,
      fn,
      what,
      ...(extra?.pid !== undefined ? { pid: extra.pid } : {}),
      ...(extra?.errno ? { errno: extra.errno } : {}),
      ...(extra?.data ? { data: extra.data } : {}),
    });
  };
}
