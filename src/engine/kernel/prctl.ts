/** Per-task settings a task makes for itself: SIGCHLD disposition and parent-death signal. */
import { kerror, ok, type KResult } from '../errno';
import { validSignal } from './constants';
import { signalName } from './signals';
import type { World } from './types';
import { begin, emit, refuse } from './operation';
import { partId } from '../part-id';
import { threadGroup } from './tree';

/**
 * sigaction(SIGCHLD, SIG_IGN or SIG_DFL): the disposition is shared by the thread group.
 * Zombies that already exist stay (Linux does not reap them when SIG_IGN is set later).
 */
export function ignoreSigchld(
  world: World,
  args: { pid: number; ignore: boolean },
): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'do_sigaction', true);
  if (!b.ok) return b;
  const { c, t } = b;
  if (typeof args.ignore !== 'boolean') {
    return refuse(
      world,
      partId(t.pid),
      'do_sigaction',
      kerror('EINVAL', 'ignore must be true or false'),
      t.pid,
    );
  }
  for (const x of threadGroup(c, t)) x.ignoreSigchld = args.ignore;
  const what = `SIGCHLD -> ${args.ignore ? 'SIG_IGN: dying children reap themselves' : 'SIG_DFL'}`;
  emit(world, partId(t.pid), 'do_sigaction', what, t.pid, { ignore: args.ignore });
  return ok({ pid: t.pid });
}

/** prctl(PR_SET_PDEATHSIG): per thread; 0 clears it. */
export function pdeathsig(
  world: World,
  args: { pid: number; signal: number },
): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'prctl', true);
  if (!b.ok) return b;
  const { t } = b;
  const sig = args.signal;
  if (typeof sig !== 'number' || !Number.isInteger(sig) || !validSignal(sig)) {
    return refuse(
      world,
      partId(t.pid),
      'prctl',
      kerror('EINVAL', `signal ${String(sig)} is not in 0..64`),
      t.pid,
    );
  }
  t.pdeath_signal = sig;
  const what = sig ? `PR_SET_PDEATHSIG ${signalName(sig)}` : 'PR_SET_PDEATHSIG cleared';
  emit(world, partId(t.pid), 'prctl', what, t.pid, { signal: sig });
  return ok({ pid: t.pid });
}
