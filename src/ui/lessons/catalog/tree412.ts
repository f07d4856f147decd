/** The tree of spec section 4.12: init 1 → server 2 → { worker 3 (zombie, exited 3), logger 4 }. */
export const tree412 = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'server' },
  { pid: 3, ppid: 2, comm: 'worker', state: 'zombie', exit_code: 768 },
  { pid: 4, ppid: 2, comm: 'logger' },
];

/** Freeze, checkpoint into "a", destroy: the container is gone and only the image is left. */
export const saveAndDestroy = [
  { op: 'freeze' },
  { op: 'checkpoint', image: 'a' },
  { op: 'destroy' },
];

/** The interleaving the explorer reports for `naive` on this tree (zombies-before-completion). */
export const NAIVE_RACE = [
  ...Array<string>(13).fill('coord'),
  ...Array<string>(6).fill('pid:1'),
  ...Array<string>(6).fill('pid:2'),
  ...Array<string>(8).fill('pid:3'),
  ...Array<string>(6).fill('pid:4'),
  'coord',
];
