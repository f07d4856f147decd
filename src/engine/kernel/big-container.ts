import type { TreeEntry } from '../scenario/types';

type State = TreeEntry['state'];
const entry = (
  pid: number,
  ppid: number,
  tgid: number,
  state: State,
  exit_code: number,
  exit_signal: number,
): TreeEntry => ({
  pid,
  ppid,
  tgid,
  comm: 'w',
  state,
  exit_code,
  exit_signal,
  pdeath_signal: 0,
  pgid: 1,
  sid: 1,
  init: pid === 1,
});

/**
 * A container one task short of MAX_TASKS: init, 1,000 servers and their workers, every tenth
 * worker a zombie and every tenth a thread of its server. Shared by the kernel's test at that
 * size and by the bench row that times it, so both look at the same shape.
 */
export function bigContainerTree(): TreeEntry[] {
  const out: TreeEntry[] = [entry(1, 0, 1, 'running', 0, 17)];
  let pid = 2;
  for (let s = 0; s < 1000; s++) {
    const server = pid++;
    out.push(entry(server, 1, server, 'running', 0, 17));
    for (let i = 0; i < 99 && pid < 100_000; i++) {
      const p = pid++;
      if (i % 10 === 9) out.push(entry(p, 1, server, 'running', 0, -1));
      else if (i % 10 === 5) out.push(entry(p, server, p, 'zombie', 256, 17));
      else out.push(entry(p, server, p, 'running', 0, 17));
    }
  }
  return out;
}
