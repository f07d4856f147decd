import { kerror, type KError } from '../errno';
import { EXIT_DEAD } from '../kernel/constants';
import type { Container, Task } from '../kernel/types';
import type { Variant } from '../scenario/types';
import { showComm } from '../kernel/comm';

export interface CheckContext {
  c: Container;
  root: Task;
  containerInit: boolean;
  /** A privileged checkpointer (CAP_SYS_PTRACE) passes ptrace_may_access for every task. */
  privileged: boolean;
  variant: Variant;
}

/** A refusal: the errno and the exact text ckpt_write_err() will put in the image. */
export interface Refusal {
  error: KError;
  text: string;
  check: string;
}

/**
 * "TE" prefix of v18's __ckpt_write_err: the T part is written from offset 0 and overwrites
 * the opening bracket, so the text starts with "pid" and keeps the closing "]".
 */
export function teText(t: Task, code: number, message: string): string {
  return `pid ${t.pid} tsk ${t.comm} err ${code}]: ${message}`;
}

function refuse(
  check: string,
  errno: 'EBUSY' | 'EPERM' | 'EINVAL' | 'EAGAIN',
  t: Task,
  message: string,
  text?: string,
): Refusal {
  const error = kerror(errno, `pid ${t.pid} (${showComm(t.comm)}): ${message.trim()}`);
  return { error, check, text: text ?? teText(t, error.code, message) };
}

/**
 * The ERROR text of a refusal: v18's "TE" form, or v17's own sentence (v17 22/60 and 28/60,
 * checkpoint/checkpoint.c: `__ckpt_write_err(ctx, "task %d (%s) ...", pid, comm)`).
 */
function textFor(ctx: CheckContext, t: Task, code: number, v18: string, v17: string): string {
  return ctx.variant === 'v17' ? v17 : teText(t, code, v18);
}

/** may_checkpoint_task (v18 after 28/80), checks in the spec's order (linux-cr.md 3.5). */
export function mayCheckpointTask(ctx: CheckContext, t: Task): Refusal | null {
  const { c, root } = ctx;
  const who = `task ${t.pid} (${t.comm})`;
  const say = (check: string, errno: 'EBUSY' | 'EPERM' | 'EINVAL', v18: string, v17: string) => {
    const r = refuse(check, errno, t, v18);
    return { ...r, text: textFor(ctx, t, r.error.code, v18, v17) };
  };
  if (t.exit_state === EXIT_DEAD) {
    // v17 returned -EAGAIN with only a printk, so its image carries an empty message.
    if (ctx.variant === 'v17') return refuse('EXIT_DEAD', 'EAGAIN', t, 'task state EXIT_DEAD', '');
    return refuse('EXIT_DEAD', 'EBUSY', t, 'task state EXIT_DEAD\n');
  }
  // A task without an mm (a zombie) counts as non-dumpable for an unprivileged checkpointer.
  if (!ctx.privileged && t.exit_state !== 0) {
    return say('ptrace_may_access', 'EPERM', 'ptrace attach denied', `access to ${who} denied`);
  }
  // "zombies are cool (and also don't have nsproxy, below...)"
  if (t.exit_state !== 0) return null;
  // The root's cgroup is known FROZEN here (begin_checkpoint), so same cgroup means frozen.
  if (t.inFreezer !== root.inFreezer) {
    return say('freezer', 'EBUSY', 'unfrozen or wrong cgroup', `${who} not frozen (wrong cgroup)`);
  }
  if (t.ptracer !== 0) return say('ptraced', 'EBUSY', 'task is ptraced', `${who} is ptraced`);
  if (ctx.containerInit && t !== root && t.parent === root.parent && t.tgid !== root.tgid) {
    return say('sibling', 'EINVAL', 'task is sibling of root', `${who} is sibling of root`);
  }
  // The nsproxy check sets no message: the STRING payload is just two NULs.
  if (t.nsproxy !== c.nsproxy)
    return refuse('nsproxy', 'EPERM', t, 'task in another namespace', '');
  return null;
}
