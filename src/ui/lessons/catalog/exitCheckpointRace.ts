import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-exit-checkpoint.json';

const SAFE = 3; // the v18-28 restart
const NAIVE = 5; // the naive restart

export const exitCheckpointRace: Lesson = {
  id: 'exit-checkpoint-race',
  title: 'Why a zombie hands on the turn from exit_checkpoint',
  summary: 'The same restart under the seed rule (v18-28) and under a naive design that races.',
  scenario,
  captions: [
    {
      at: {},
      text: 'The tree of the hand-off lesson: a zombie worker (3) sits between server (2) and logger (4) in the pids array.',
    },
    {
      at: { step: SAFE, fn: 'exit_notify', actor: 'pid:3' },
      text: 'v18-28, the seed patch: the zombie first really exits. exit_notify has made it EXIT_ZOMBIE while active_pid still names it, so logger cannot start yet.',
    },
    {
      at: { step: SAFE, fn: 'exit_checkpoint', actor: 'pid:3' },
      text: 'Then exit_checkpoint, which runs after exit_notify, passes the turn on. Whatever the scheduler does, the coordinator cannot complete before the zombie is a zombie.',
    },
    {
      at: { step: SAFE, fn: 'wait_all_tasks_finish' },
      text: 'The coordinator completes with every task restored and the worker already EXIT_ZOMBIE: the seed’s guarantee. It is a guarantee about success only: v18 can still fail a good image when a hand-off lands while the next task’s checkpoint_ctx is NULL inside do_restore_task (its two xchg()s). The lesson “The xchg window of v18 and its v19 fix” shows that interleaving.',
    },
    {
      at: { step: NAIVE, fn: 'restore_activate_next', actor: 'pid:3' },
      text: 'Now the naive design on the same image: the zombie hands on the turn right after reading its record, before do_exit. logger may run at once.',
    },
    {
      at: { step: NAIVE, fn: 'wait_all_tasks_finish' },
      text: 'In this interleaving logger finishes and the coordinator’s wait returns success while the worker is still inside do_exit: not yet a zombie. A parent resuming now and calling waitpid(3, WNOHANG) would get 0 and miss its child.',
    },
    {
      at: { step: NAIVE, fn: 'exit_notify', actor: 'pid:3' },
      text: 'Only after completion does the worker become EXIT_ZOMBIE. To find such interleavings yourself, open the Explorer, pick naive and press Explore: it checks every schedule of the first restart and lists zombies-before-completion.',
    },
  ],
};
