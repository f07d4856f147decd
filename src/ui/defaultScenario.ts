import type { Scenario } from '../engine/scenario/types';

const base = { exit_code: 0, exit_signal: 17, pdeath_signal: 0, pgid: 1, sid: 1, init: false };

/** The scenario the app opens on: a small container with one zombie (make, exited 2). */
export const defaultScenario: Scenario = {
  format: 'crviz-scenario/1',
  name: 'default',
  title: 'A small container with a zombie',
  description:
    'init with sshd, bash and worker; bash has a child make that exited 2 and was not reaped yet.',
  variant: 'v18-28',
  tree: [
    { ...base, pid: 1, ppid: 0, tgid: 1, comm: 'init', state: 'running', init: true },
    { ...base, pid: 2, ppid: 1, tgid: 2, comm: 'sshd', state: 'running' },
    { ...base, pid: 3, ppid: 1, tgid: 3, comm: 'bash', state: 'running' },
    { ...base, pid: 4, ppid: 3, tgid: 4, comm: 'make', state: 'zombie', exit_code: 512 },
    { ...base, pid: 5, ppid: 1, tgid: 5, comm: 'worker', state: 'running' },
  ],
  steps: [],
};
