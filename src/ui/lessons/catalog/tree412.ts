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
