import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-checkpoint-saves.json';

export const checkpointSaves: Lesson = {
  id: 'checkpoint-saves',
  title: 'What checkpoint saves',
  summary: 'Freeze a small tree, checkpoint it, and read the image records one by one.',
  scenario,
  captions: [
    {
      at: {},
      text: 'init, a shell with a sleeping child, and a zombie grep that exited 1. We want to save this whole container into one image.',
    },
    {
      at: { step: 0 },
      text: 'A checkpoint of running tasks is refused with EBUSY: a task that is still running could change while it is being written, so every task must first be frozen.',
    },
    {
      at: { step: 1 },
      text: 'Freeze writes FROZEN to the container’s freezer cgroup. Every task now sits in the refrigerator and cannot change.',
    },
    {
      at: { step: 2, fn: 'may_checkpoint_task', nth: 4 },
      text: 'sys_checkpoint asks may_checkpoint_task about each task: frozen, not traced by an outsider, in the container. The zombie passes too: it has nothing left that could change.',
    },
    {
      at: { step: 2, fn: 'build_tree' },
      text: 'build_tree walks the tree depth first. That order becomes the pids array of the image, and restart will later rebuild the tasks in exactly this order.',
    },
    {
      at: { step: 2, fn: 'checkpoint_tree' },
      text: 'After the HEADER (magic, kernel version, uts strings) comes the TREE record and a BUFFER with one ckpt_pids entry per task: vpid, parent, thread group, process group, session.',
    },
    {
      at: { step: 2, fn: 'checkpoint_task', nth: 4 },
      text: 'Each task gets a TASK record and a STRING with its comm. A zombie’s record keeps only its state (TASK_DEAD, EXIT_ZOMBIE), its exit_code (the wait status 0x100) and its comm.',
    },
    {
      at: { step: 2 },
      text: 'A TAIL record closes the image. Open the Images panel and press View on a.ckpt to see every record with its offset and decoded fields beside the hex dump.',
    },
  ],
};
