/** The container's freezer cgroup (freezer_write, cgroup_attach_task) and destroy. */
import { kerror, ok, type KResult } from '../errno';
import type { Container, Task, World } from './types';
import { begin, containerFor, emit, isError, kctx, refuse, type K } from './operation';
import { alive } from './tree';
import { deliver, settle } from './deliver';
import { destroyContainer } from './zap';
import type { KernelFn } from '../kernel-fns';

function current(world: World, fn: KernelFn): Container | KResult<never> {
  const c = containerFor(world);
  return isError(c) ? refuse(world, 'user', fn, c) : c;
}

/** echo FROZEN > freezer.state */
export function freeze(world: World): KResult<{ freezer: 'FROZEN' }> {
  const c = current(world, 'freezer_write');
  if ('ok' in c) return c;
  const what =
    c.freezer === 'FROZEN'
      ? 'already FROZEN'
      : 'FROZEN: tasks in the cgroup stop in the refrigerator';
  c.freezer = 'FROZEN';
  emit(world, 'user', 'freezer_write', what, undefined, { freezer: 'FROZEN' });
  return ok({ freezer: 'FROZEN' });
}

/** echo THAWED > freezer.state: the tasks run again and take the signals sent meanwhile. */
export function thaw(world: World): KResult<{ freezer: 'THAWED' }> {
  const c = current(world, 'freezer_write');
  if ('ok' in c) return c;
  const was = c.freezer;
  c.freezer = 'THAWED';
  emit(world, 'user', 'freezer_write', was === 'THAWED' ? 'already THAWED' : 'THAWED', undefined, {
    freezer: 'THAWED',
  });
  const k = kctx(world, c);
  const waiting = [...c.tasks.values()]
    .filter((t) => t.pending.length > 0)
    .sort((a, b) => a.pid - b.pid);
  for (const t of waiting) deliverPending(k, t);
  settle(k);
  return ok({ freezer: 'THAWED' });
}

function deliverPending(k: K, t: Task): void {
  const sigs = t.pending;
  t.pending = [];
  for (const sig of sigs) {
    if (k.zapped) return;
    deliver(k, { pid: t.pid, sig, actor: 'user', why: 'pending since freeze', internal: false });
  }
}

/** echo PID > another cgroup's tasks: the task leaves the freezer (and runs if it was frozen). */
export function leaveFreezer(world: World, args: { pid: number }): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'cgroup_attach_task', false, 'user');
  if (!b.ok) return b;
  const { c, t } = b;
  if (!alive(t)) {
    const err = kerror('ESRCH', `task ${t.pid} is exiting and cannot change cgroup`);
    return refuse(world, 'user', 'cgroup_attach_task', err, t.pid);
  }
  const what = t.inFreezer
    ? `${t.pid} leaves the freezer cgroup`
    : `${t.pid} is already outside the freezer`;
  t.inFreezer = false;
  emit(world, 'user', 'cgroup_attach_task', what, t.pid, { inFreezer: false });
  const k = kctx(world, c);
  deliverPending(k, t);
  settle(k);
  return ok({ pid: t.pid });
}

/** SIGKILL to every task of the current container; the container is gone. */
export function destroy(world: World): KResult<{ container: number }> {
  const c = current(world, 'zap_pid_ns_processes');
  if ('ok' in c) return c;
  destroyContainer(kctx(world, c));
  return ok({ container: c.id });
}
