import type { Lesson } from '../types';
import scenario from '../../../../examples/lessons/lesson-zombie-wait.json';

export const zombieWait: Lesson = {
  id: 'zombie-wait',
  title: 'What a zombie is, and how wait reaps it',
  summary:
    'A child exits, stays behind as a zombie holding its exit status, and its parent reaps it.',
  scenario,
  captions: [
    {
      at: {},
      text: 'A container: init (pid 1) runs a shell (pid 2). Every task but init has a parent that is responsible for it.',
    },
    {
      at: { step: 0 },
      text: 'The shell forks a child, compile (pid 3). It is a running process with its own pid.',
    },
    {
      at: { step: 1 },
      text: 'compile calls exit(7). Its memory and files are released, but the task itself stays: it is now a zombie. All that is left is its pid and its wait status, 7 << 8 = 0x700, kept until the parent asks for it.',
    },
    {
      at: { step: 2 },
      text: 'The shell calls wait for pid 3. wait returns the status 1792 (exited 7) and reaps the zombie: only now does pid 3 disappear.',
    },
    {
      at: { step: 3 },
      text: 'A second wait has nobody left to wait for and fails with ECHILD. A zombie is a promise to the parent: the exit status survives until it is collected, and that is why checkpoint/restart has to keep zombies too.',
    },
  ],
};
