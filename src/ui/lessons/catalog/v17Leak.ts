import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-v17-leak.json';

const R = 3;

export const v17Leak: Lesson = {
  id: 'v17-ctx-leak',
  title: 'The v17 restart context leak',
  summary:
    'Count the ctx references under v17: the zombie never puts its own, so one is left over.',
  scenario,
  captions: [
    {
      at: {},
      text: 'The same tree with one zombie, restarted with the previous version of the protocol, v17. Watch refcount in the Inspector’s restart ctx.',
    },
    {
      at: { step: R, fn: 'prepare_descendants' },
      text: 'The ctx starts with one reference for sys_restart, one for the coordinator and one per task that gets it from prepare_descendants.',
    },
    {
      at: { step: R, fn: 'ckpt_ctx_get', actor: 'pid:3' },
      text: 'Each task also takes a local reference when it enters restart. It must put it back before it leaves, normally on the out: path of do_restore_task.',
    },
    {
      at: { step: R, fn: 'do_exit', actor: 'pid:3' },
      text: 'In v17 the zombie calls do_exit straight away. do_exit never returns, so the out: path that would put the local reference never runs.',
    },
    {
      at: { step: R, fn: 'restore_retval', actor: 'pid:1' },
      text: 'The restart still succeeds and the tasks return to user space, one by one putting their references…',
    },
    {
      at: { step: R },
      text: '…but the count ends at 1 instead of 0: the ctx, its pids array and the image file it holds are never freed. v18 (28/80) fixes it by putting the local reference just before do_exit.',
    },
  ],
};
