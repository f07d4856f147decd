import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-bad-images.json';

export const badImages: Lesson = {
  id: 'bad-images',
  title: 'Bad images restart refuses',
  summary: 'An impossible exit code, a thread with an exit signal, and a zombie that dumped core.',
  scenario,
  captions: [
    {
      at: {},
      text: 'A zombie child (exited 1) and a two-thread server: pid 5 is a thread of pid 4. Restart trusts nothing in an image, and this lesson shows three records it refuses.',
    },
    {
      at: { step: 3 },
      text: 'We save a good image, and a copy whose zombie record is patched to exit_code 0x10000. No wait status can be that: the exit code is only 8 bits, shifted left by 8.',
    },
    {
      at: { step: 5 },
      text: 'A third copy gives the thread pid 5 exit_signal 17 (SIGCHLD). Only a thread-group leader may notify its parent on exit; a thread’s exit_signal must be -1.',
    },
    {
      at: { step: 7 },
      text: 'Restarting the patched image fails with EINVAL when the zombie’s record reaches valid_exit_code. Every task restart had already created is killed: a failed restart leaves nothing behind.',
    },
    {
      at: { step: 8 },
      text: 'The bad thread fails with EINVAL too, at pid 5’s record: a thread with exit_signal 17, not -1.',
    },
    {
      at: { step: 9 },
      text: 'The unedited image restarts fine: the checks are about the records, not about zombies or threads as such.',
    },
    {
      at: { step: 12 },
      text: 'Now server is killed by SIGSEGV and dumps core: its wait status is 11 | 0x80 = 0x8b. Checkpoint accepts it and writes the zombie record.',
    },
    {
      at: { step: 14 },
      text: 'Restart refuses it with EINVAL: the seed’s valid_exit_code reads the low byte 0x8b as a signal number, and 139 is not a valid signal. A real core-dumped zombie cannot be restarted by the seed.',
    },
  ],
};
