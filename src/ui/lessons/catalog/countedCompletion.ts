import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-counted-completion.json';

const NAIVE = 3;
const V1873 = 5;

export const countedCompletion: Lesson = {
  id: 'counted-completion',
  title: 'v18-73: the early hand-off, made safe by counting',
  summary: 'Both hand on the turn before do_exit; only v18-73 counts who has finished.',
  scenario,
  captions: [
    {
      at: {},
      text: 'The hand-off tree once more: worker (3) is a zombie between server (2) and logger (4). The seed makes the zombie hand on the turn from exit_checkpoint, after it has become a zombie. Two later designs hand it on earlier.',
    },
    {
      at: { step: NAIVE, fn: 'restore_activate_next', actor: 'pid:3' },
      text: 'naive: the zombie hands on the turn right after reading its record, before do_exit.',
    },
    {
      at: { step: NAIVE, fn: 'wait_all_tasks_finish' },
      text: 'logger restores, active_pid passes the last entry, and that alone completes the coordinator’s wait: success, while worker is still inside do_exit and not yet a zombie.',
    },
    {
      at: { step: V1873, fn: 'prepare_descendants' },
      text: 'v18-73, the series after patch 73/80, on the same image. prepare_descendants now also counts the tasks it prepares into nr_total (4 here; ghosts, created for process groups whose leader is gone, would count too).',
    },
    {
      at: { step: V1873, fn: 'restore_activate_next', actor: 'pid:3' },
      text: 'Like naive, the zombie hands on the turn before do_exit: restore_activate_next comes right after its record. logger may start at once.',
    },
    {
      at: { step: V1873, fn: 'restore_activate_next', actor: 'pid:4' },
      text: 'logger restores and active_pid passes the last entry. Under 73/80 that no longer completes anything: it only wakes the ghosts.',
    },
    {
      at: { step: V1873, fn: 'restore_task_done', actor: 'pid:4' },
      text: 'Each live task reports itself done with restore_task_done, which decrements nr_total. One is left: the zombie’s. The coordinator keeps waiting.',
    },
    {
      at: { step: V1873, fn: 'exit_notify', actor: 'pid:3' },
      text: 'worker goes through do_exit and becomes EXIT_ZOMBIE.',
    },
    {
      at: { step: V1873, fn: 'restore_task_done', actor: 'pid:3' },
      text: 'Only then does its exit_checkpoint call restore_task_done: nr_total reaches 0 and complete() wakes the coordinator. The same early hand-off as naive, made safe by counting who has finished instead of who has had a turn.',
    },
    {
      at: { step: V1873, fn: 'wait_all_tasks_finish' },
      text: 'The coordinator completes with every task restored and worker already a zombie. Explore this tree under v18-73: zombies-before-completion holds on every interleaving (only the xchg window, which 73/80 kept, remains).',
    },
  ],
};
