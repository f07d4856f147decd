/**
 * A process's state from its leader's core (spec 5.2, rule 2). `crit --pretty` prints
 * task_state through a wrong label map (spec 4.5): depending on the crit version "Zombie" may
 * mean stopped, and a real zombie prints as a bare 2. So labels other than "Alive" are not
 * trusted; the shape of the core decides, because CRIU writes a zombie's core with `tc` only.
 */
import { describe, isObj, toInt, type Obj } from './bundle-json';
import type { CrvizState } from './proc-state';

export type StateResult =
  { ok: true; state: CrvizState; resolved?: string } | { ok: false; message: string };

const BY_VALUE: Record<number, CrvizState> = { 1: 'running', 2: 'zombie', 3: 'stopped' };

/** Keys that only a live task's core has: per-thread data, registers, namespace ids. */
function hasLiveParts(core: Obj): boolean {
  return Object.keys(core).some(
    (k) => k === 'thread_core' || k === 'thread_info' || k === 'ids' || k.startsWith('ti_'),
  );
}

export function resolveState(core: Obj): StateResult {
  const tc = core.tc;
  if (!isObj(tc)) return { ok: false, message: 'no "tc" (CRIU: Core task state data missed)' };
  const raw = tc.task_state;
  if (raw === undefined) return { ok: false, message: 'tc has no "task_state"' };
  const n = toInt(raw);
  if (n !== undefined) {
    const state = BY_VALUE[n];
    if (!state) return { ok: false, message: `unknown task_state ${n} (CRIU: Unknown task state)` };
    return { ok: true, state };
  }
  if (typeof raw !== 'string') {
    return { ok: false, message: `task_state must be an integer or a label, got ${describe(raw)}` };
  }
  const label = raw.trim().toLowerCase();
  if (label === 'alive') return { ok: true, state: 'running' };
  if (label !== 'zombie' && label !== 'stopped') {
    return { ok: false, message: `unknown task_state label ${describe(raw)}` };
  }
  const stopped = hasLiveParts(core) || tc.stop_signo !== undefined;
  return {
    ok: true,
    state: stopped ? 'stopped' : 'zombie',
    resolved: `task_state label ${describe(raw)} read as ${stopped ? 'stopped (the core has thread data)' : 'zombie (the core has tc only)'}`,
  };
}
