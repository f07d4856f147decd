/**
 * Every function an engine event can be named after (events.ts), with what its event may change
 * in the world, which the timeline's recorder relies on (timeline/recorder.ts):
 *
 * - `named`: no task but the one the event names (its `pid`) or its actor. The restart protocol's
 *   steps, checkpoint's read-only walk, and release_task (which removes the task it names).
 * - `any`: possibly any task (an exit, a signal, the freezer, a reparenting, a kernel op), so the
 *   recorder compares every task after it.
 *
 * One table, so that a new event name cannot be emitted without saying which it is.
 */
const KERNEL_FNS = {
  // kernel ops (kernel/)
  copy_process: 'any',
  do_fork: 'any',
  do_exit: 'any',
  do_group_exit: 'any',
  exit_notify: 'any',
  do_notify_parent: 'any',
  forget_original_parent: 'any',
  reparent_thread: 'any',
  kill_orphaned_pgrp: 'any',
  release_task: 'named',
  zap_pid_ns_processes: 'any',
  do_wait: 'any',
  wait_task_zombie: 'any',
  wait_task_stopped: 'any',
  group_send_sig_info: 'any',
  do_sigaction: 'any',
  prctl: 'any',
  ptrace_attach: 'any',
  ptrace_detach: 'any',
  freezer_write: 'any',
  cgroup_attach_task: 'any',
  // checkpoint (checkpoint/)
  sys_checkpoint: 'any',
  init_checkpoint_ctx: 'any',
  cgroup_freezer_begin_checkpoint: 'any',
  cgroup_freezer_end_checkpoint: 'any',
  build_tree: 'any',
  may_checkpoint_task: 'named',
  checkpoint_write_header: 'any',
  checkpoint_tree: 'any',
  checkpoint_task: 'named',
  checkpoint_write_tail: 'any',
  ckpt_write_err: 'any',
  // restart (restart/): user space, the coordinator and the restarting tasks
  restart: 'named',
  clone_with_pids: 'named',
  kill_tree: 'any',
  do_restart: 'any',
  ckpt_ctx_alloc: 'named',
  ckpt_ctx_get: 'named',
  ckpt_ctx_put: 'named',
  restore_read_header: 'named',
  restore_read_tree: 'named',
  init_restart_ctx: 'named',
  prepare_descendants: 'any',
  restore_activate_next: 'named',
  wait_all_tasks_finish: 'named',
  restore_read_tail: 'named',
  do_restore_coord: 'named',
  do_restore_task: 'named',
  wait_task_active: 'named',
  restore_task_struct: 'named',
  wait_task_sync: 'named',
  exit_checkpoint: 'named',
  restore_notify_error: 'any',
  restore_retval: 'named',
  // what issue 13 added: v17's names, v19, v18-73, user space's MakeForest
  ckpt_activate_next: 'named',
  ckpt_notify_error: 'any',
  get_task_ctx: 'named',
  destroy_descendants: 'any',
  restore_task_pgid: 'named',
  restore_task_done: 'named',
  do_ghost_task: 'named',
  setsid: 'named',
  // scenario steps on images (scenario/runner.ts)
  load_image: 'any',
  patch: 'any',
  corrupt: 'any',
  truncate: 'any',
} as const satisfies Record<string, 'named' | 'any'>;

export type KernelFn = keyof typeof KERNEL_FNS;

/** Every function name, in the table's order (the lesson schema lists them for anchors). */
export const KERNEL_FN_NAMES = Object.keys(KERNEL_FNS) as KernelFn[];

/** Whether `fn` is a function an engine event can be named after (lesson anchors name one). */
export function isKernelFn(fn: string): fn is KernelFn {
  return Object.prototype.hasOwnProperty.call(KERNEL_FNS, fn);
}

/** The event of `fn` changes no task but the one it names or its actor (see KERNEL_FNS). */
export function changesOnlyNamedTask(fn: KernelFn): boolean {
  return KERNEL_FNS[fn] === 'named';
}
