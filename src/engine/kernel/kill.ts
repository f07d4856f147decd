/** kill(2) from the user: the signal's default action on the target's thread group. */
import { kerror, ok, type KResult } from '../errno';
import { validSignal } from './constants';
import { signalName } from './signals';
import type { World } from './types';
import { begin, emit, kctx, refuse } from './operation';
import { deliver, settle } from './deliver';

export interface KillArgs {
  pid: number;
  signal: number;
  /** The core dump succeeds: adds 0x80 to the wait status, for signals whose action is core. */
  core?: boolean;
}

export function kill(world: World, args: KillArgs): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'group_send_sig_info', false, 'user');
  if (!b.ok) return b;
  const { c, t } = b;
  const sig = args.signal;
  if (typeof sig !== 'number' || !Number.isInteger(sig) || !validSignal(sig)) {
    const err = kerror('EINVAL', `signal ${String(sig)} is not in 0..64`);
    return refuse(world, 'user', 'group_send_sig_info', err, t.pid);
  }
  const k = kctx(world, c);
  if (sig === 0) {
    emit(k, 'user', 'group_send_sig_info', `signal 0: ${t.pid} exists`, t.pid, { signal: 0 });
    return ok({ pid: t.pid });
  }
  // The user sends from outside the namespace, so even the container init takes the signal.
  deliver(
    k,
    { pid: t.pid, sig, actor: 'user', why: `kill ${signalName(sig)}`, internal: false },
    args.core === true,
  );
  settle(k);
  return ok({ pid: t.pid });
}
