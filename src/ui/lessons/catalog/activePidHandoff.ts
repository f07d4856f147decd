import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-active-pid.json';

const R = 3; // index of the restart step

export const activePidHandoff: Lesson = {
  id: 'active-pid-handoff',
  title: 'Restart: the active_pid hand-off',
  summary: 'Follow the active_pid baton from task to task while a tree with a zombie is rebuilt.',
  scenario,
  captions: [
    {
      at: {},
      text: 'init (1) runs server (2); server has a zombie child worker (3, exited 3) and a live child logger (4).',
    },
    {
      at: { step: 2 },
      text: 'The tree was frozen and checkpointed into image a, then destroyed. Only the image is left; restart must rebuild the four tasks, zombie included.',
    },
    {
      at: { step: R, fn: 'prepare_descendants' },
      text: 'User space has created tasks 1–4, each task forking its own children (init forks server, server forks logger before worker: the reverse of the image order), each now sleeping in restart(). The coordinator reads the image and prepare_descendants hands every task the shared restart context. active_pid is -1: nobody may restore yet.',
    },
    {
      at: { step: R, fn: 'restore_activate_next', actor: 'coord' },
      text: 'The coordinator sets active_pid to 0, the first index of the pids array, and wakes that task, provided that task’s checkpoint_ctx is this ctx (else ESRCH: the xchg window of v18, which this fifo schedule never hits). Tasks restore one at a time, strictly in pids order.',
    },
    {
      at: { step: R, fn: 'restore_activate_next', actor: 'pid:1' },
      text: 'init restored its task record and passes the turn on with restore_activate_next: active_pid becomes 1.',
    },
    {
      at: { step: R, fn: 'restore_activate_next', actor: 'pid:2' },
      text: 'server has restored too and passes the turn to index 2: the zombie worker.',
    },
    {
      at: { step: R, fn: 'exit_notify', actor: 'pid:3' },
      text: 'worker’s record is a zombie record. It puts back its local ctx reference and calls do_exit(0x300); exit_notify makes it EXIT_ZOMBIE. SIGCHLD stays muted during restart. active_pid still points at the worker.',
    },
    {
      at: { step: R, fn: 'exit_checkpoint', actor: 'pid:3' },
      text: 'Only now, from exit_checkpoint, after it really is a zombie, does the worker hand the turn on: active_pid becomes 3 and logger wakes.',
    },
    {
      at: { step: R, fn: 'restore_activate_next', actor: 'pid:4' },
      text: 'logger restores. active_pid reaches 4 = nr_pids, so it calls complete(): every task has had its turn.',
    },
    {
      at: { step: R, fn: 'do_restore_coord' },
      text: 'The coordinator wakes from wait_all_tasks_finish, reads the TAIL, marks the restart a success and wakes every task back to user space.',
    },
    {
      at: { step: R + 1 },
      text: 'server waits for worker and gets the same status as before the checkpoint: exited 3. The zombie survived checkpoint and restart.',
    },
  ],
};
