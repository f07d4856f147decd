import type { Lesson } from '../types';

export const zombieWait: Lesson = {
  id: 'zombie-wait',
  title: 'What a zombie is, and how wait reaps it',
  summary:
    'A child exits, stays behind as a zombie holding its exit status, and its parent reaps it.',
  scenario: {
    format: 'crviz-scenario/1',
    name: 'lesson-zombie-wait',
    title: 'What a zombie is, and how wait reaps it',
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'shell' },
    ],
    steps: [
      { op: 'fork', pid: 2, child: 3, comm: 'compile' },
      { op: 'exit', pid: 3, status: 7 },
      { op: 'wait', pid: 2, child: 3, expect: { ok: true, status: 1792 } },
      { op: 'wait', pid: 2, expect: { ok: false, errno: 'ECHILD' } },
    ],
  },
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
