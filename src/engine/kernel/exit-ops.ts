/** The exit and thread_exit operations: a task ends itself. */
import { kerror, ok, type KResult } from '../errno';
import type { World } from './types';
import { begin, emit, kctx, refuse } from './operation';
import { partId } from '../part-id';
import { doExitK, groupExitK } from './exit';
import { settle } from './deliver';

export interface ExitArgs {
  pid: number;
  status: number;
}

/** exit_group(status): the whole thread group exits with wait status (status & 0xff) << 8. */
export function exit(world: World, args: ExitArgs): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'do_exit', true);
  if (!b.ok) return b;
  const { c, t } = b;
  const s = args.status;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 255) {
    const err = kerror('EINVAL', `exit status ${String(s)} is not in 0..255`);
    return refuse(world, partId(t.pid), 'do_exit', err, t.pid);
  }
  const k = kctx(world, c);
  emit(k, partId(t.pid), 'do_group_exit', `exit_group(${s}): thread group ${t.tgid} exits`, t.pid, {
    status: s,
  });
  groupExitK(k, t, (s & 0xff) << 8);
  settle(k);
  return ok({ pid: t.pid });
}

/** pthread_exit / SYS_exit: only this thread exits, with code 0. */
export function threadExit(world: World, args: { pid: number }): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'do_exit', true);
  if (!b.ok) return b;
  const k = kctx(world, b.c);
  doExitK(k, b.t.pid, 0);
  settle(k);
  return ok({ pid: b.t.pid });
}
