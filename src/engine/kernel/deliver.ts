/** group_send_sig_info() and the default actions of signals (no task installs handlers here). */
import { EXIT_ZOMBIE, TASK_RUNNING, TASK_STOPPED, TASK_TRACED } from './constants';
import { defaultAction, signalName } from './signals';
import type { Task } from './types';
import { emit, type Delivery, type K } from './operation';
import { alive, isFrozen, threadGroup } from './tree';
import { groupExitK } from './exit';
import { finishZap } from './zap';

/** Delivers queued signals in order (each may queue more), then ends a zapped namespace. */
export function settle(k: K): void {
  for (let i = 0; i < k.queue.length && !k.zapped; i++) deliver(k, k.queue[i]);
  k.queue.length = 0;
  if (k.zapped && !k.c.destroyed) finishZap(k, 'user');
}

/** The container init ignores signals it has no handler for when they come from inside. */
function initProtected(k: K, t: Task): boolean {
  return k.c.init !== 0 && t.tgid === k.c.init;
}

export function deliver(k: K, d: Delivery, core = false): void {
  const { c } = k;
  const t = c.tasks.get(d.pid);
  if (!t || d.sig === 0) return;
  const name = signalName(d.sig);
  const fn = 'group_send_sig_info';
  const group = threadGroup(c, t);
  const live = group.filter(alive);
  if (live.length === 0) {
    const kind = t.exit_state === EXIT_ZOMBIE ? 'a zombie' : 'exiting';
    emit(k, d.actor, fn, `${name} to ${t.pid} (${d.why}) has no effect: it is ${kind}`, t.pid, {
      signal: d.sig,
    });
    return;
  }
  if (d.internal && initProtected(k, t)) {
    emit(k, d.actor, fn, `${name} to container init ${t.pid} ignored (SIGNAL_UNKILLABLE)`, t.pid, {
      signal: d.sig,
    });
    return;
  }
  if (live.some((x) => isFrozen(c, x))) {
    t.pending.push(d.sig);
    emit(k, d.actor, fn, `${name} to ${t.pid} (${d.why}) stays pending: frozen until thaw`, t.pid, {
      signal: d.sig,
      pending: true,
    });
    return;
  }
  const action = defaultAction(d.sig);
  const data = { signal: d.sig, action };
  switch (action) {
    case 'terminate':
    case 'core': {
      const status = d.sig | (core && action === 'core' ? 0x80 : 0);
      emit(k, d.actor, fn, `${name} (${d.why}) kills thread group ${t.tgid}`, t.pid, {
        ...data,
        status,
      });
      groupExitK(k, t, status);
      return;
    }
    case 'stop': {
      const stopping = live.filter((x) => !(x.state & (TASK_STOPPED | TASK_TRACED)));
      for (const x of stopping) {
        x.state = TASK_STOPPED;
        x.exit_code = d.sig;
      }
      const what = stopping.length
        ? `${name} stops thread group ${t.tgid}`
        : `${name}: group ${t.tgid} already stopped`;
      emit(k, d.actor, fn, what, t.pid, { ...data, stopped: stopping.length });
      return;
    }
    case 'continue': {
      const resumed = live.filter((x) => x.state & TASK_STOPPED && !(x.state & TASK_TRACED));
      for (const x of resumed) {
        x.state = TASK_RUNNING;
        x.exit_code = 0;
      }
      emit(
        k,
        d.actor,
        fn,
        `${name} resumes ${resumed.length} stopped threads of ${t.tgid}`,
        t.pid,
        {
          ...data,
          resumed: resumed.length,
        },
      );
      return;
    }
    default:
      emit(k, d.actor, fn, `${name} to ${t.pid}: default action is to ignore it`, t.pid, data);
  }
}
