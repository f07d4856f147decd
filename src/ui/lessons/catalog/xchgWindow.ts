import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-xchg-window.json';

const V18 = 3; // the v18-28 restart that hits the window
const V19 = 4; // the same schedule under v19

export const xchgWindow: Lesson = {
  id: 'xchg-window',
  title: 'The xchg window of v18 and its v19 fix',
  summary: 'A good image fails when a hand-off lands while checkpoint_ctx is NULL.',
  scenario,
  captions: [
    {
      at: {},
      text: 'The tree of the hand-off lesson, saved and restarted once more under v18-28. The image is perfectly good; only the order in which the tasks run changes. Keep the Inspector on init (pid 1) and watch its checkpoint_ctx.',
    },
    {
      at: { step: V18, fn: 'prepare_descendants' },
      text: 'prepare_descendants has set checkpoint_ctx = ctx on every task and woken them. init is runnable, and so is the coordinator, which is about to activate pids[0] = init.',
    },
    {
      at: { step: V18, fn: 'ckpt_ctx_get', actor: 'pid:1' },
      text: 'init runs first. v18’s do_restore_task takes the ctx with ctx = xchg(&current->checkpoint_ctx, NULL) and a local reference, and puts it back with a second xchg. Between the two, init’s checkpoint_ctx reads NULL.',
    },
    {
      at: { step: V18, fn: 'restore_activate_next', actor: 'coord' },
      text: 'The coordinator activates init inside that window. restore_activate_next wakes a task only if task->checkpoint_ctx == ctx; it reads NULL, treats init as missing and fails the restart with ESRCH through restore_notify_error.',
    },
    {
      at: { step: V18, fn: 'do_restore_task', actor: 'pid:1' },
      text: 'Now init puts the ctx back: too late. It sees the ctx error in wait_task_active, kills itself with force_sig(SIGKILL, current) and returns -EBUSY. So does every other task.',
    },
    {
      at: { step: V18 },
      text: 'Nothing of the restart survives, and sys_restart returned ESRCH for an image that was fine. The default fifo schedule never runs a task between prepare_descendants and the coordinator’s activation, which is why a plain restart does not show it; the Explorer finds it as no-spurious-failure under v18-28 on every tree.',
    },
    {
      at: { step: V19, fn: 'get_task_ctx', actor: 'pid:1' },
      text: 'v19-rc1 replaced the two xchg()s: get_task_ctx takes the reference under task_lock and leaves checkpoint_ctx set. Same schedule: init runs first again.',
    },
    {
      at: { step: V19, fn: 'restore_activate_next', actor: 'coord' },
      text: 'This time the coordinator finds init with this ctx and wakes it. The hand-off goes on as in the seed.',
    },
    {
      at: { step: V19, fn: 'wait_all_tasks_finish' },
      text: 'The v19 restart completes. Explore this tree under v19: no interleaving fails it.',
    },
  ],
};
