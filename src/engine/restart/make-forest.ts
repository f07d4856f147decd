import { childrenOf, TASK_DEAD, TASK_SESSION, TASK_SIBLING, TASK_THREAD } from './forest';
import type { ForestTask } from './forest';
import { partId, type PartId } from '../part-id';

/*
 * MakeForest, as every created task runs it: columbia/user-cr restart.c (43936cf, 2009-09-03)
 * ckpt_make_tree and ckpt_fork_child. Each task forks its own children: 1st pass the
 * TASK_SESSION ones (before it changes its session), then setsid() if it is a session leader,
 * 2nd pass the others, 3rd pass waitpid() for its TASK_DEAD children; a TASK_DEAD task then
 * exits, the others call restart(2). A child marked TASK_THREAD is a CLONE_THREAD clone, one
 * marked TASK_SIBLING a CLONE_PARENT clone.
 *
 * The tasks run concurrently in reality; crviz lets each new task run its ckpt_make_tree before
 * its creator goes on (child first), which is one of the orders the real tool can take. Nothing
 * the kernel part sees depends on it: the feeder feeds the image only once every task reported.
 */
export type UserOp =
  /** clone_with_pids by `actor` (`coord` for the root, else `pid:N`). */
  | { kind: 'clone'; actor: PartId; task: ForestTask }
  | { kind: 'setsid'; task: ForestTask }
  /** A TASK_DEAD entry is done: exit(0). */
  | { kind: 'exit'; task: ForestTask }
  /** The 3rd pass: `by` reaps its TASK_DEAD child `task`. */
  | { kind: 'waitpid'; by: ForestTask; task: ForestTask };

interface Frame {
  task: ForestTask;
  /** 0: 1st pass, 2: 2nd pass, 3: 3rd pass and the end. */
  stage: 0 | 2 | 3;
  next: ForestTask | null;
}

/** The user-space steps of a restart, in the order crviz runs them. No recursion: trees are deep. */
export function planMakeForest(root: ForestTask): UserOp[] {
  const ops: UserOp[] = [{ kind: 'clone', actor: 'coord', task: root }];
  const stack: Frame[] = [{ task: root, stage: 0, next: root.children }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.stage !== 3) {
      const wantSession = f.stage === 0;
      while (f.next && !!(f.next.flags & TASK_SESSION) !== wantSession) f.next = f.next.nextSib;
      if (f.next) {
        const child = f.next;
        f.next = child.nextSib;
        ops.push({ kind: 'clone', actor: partId(f.task.pid), task: child });
        stack.push({ task: child, stage: 0, next: child.children });
        continue;
      }
      if (f.stage === 0) {
        if (f.task.pid === f.task.sid) ops.push({ kind: 'setsid', task: f.task });
        f.stage = 2;
        f.next = f.task.children;
      } else f.stage = 3;
      continue;
    }
    for (const c of childrenOf(f.task))
      if (c.flags & TASK_DEAD) ops.push({ kind: 'waitpid', by: f.task, task: c });
    if (f.task.flags & TASK_DEAD) ops.push({ kind: 'exit', task: f.task });
    stack.pop();
  }
  return ops;
}

/** ckpt_fork_child's clone flags, as the event shows them. */
export function cloneFlags(t: ForestTask): string {
  if (t.flags & TASK_THREAD) return 'CLONE_THREAD|CLONE_SIGHAND|CLONE_VM';
  if (t.flags & TASK_SIBLING) return 'CLONE_PARENT';
  return 'SIGCHLD';
}
