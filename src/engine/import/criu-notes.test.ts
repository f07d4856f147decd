import { describe, expect, it } from 'vitest';
import { criuNotes, type CriuTaskFacts } from './criu-notes';

const task = (o: Partial<CriuTaskFacts> & { pid: number }): CriuTaskFacts => ({
  tgid: o.pid,
  ppid: 1,
  sid: 1,
  comm: 't',
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  ...o,
});
const ROOT = task({ pid: 1, ppid: 0 });
const notes = (...ts: CriuTaskFacts[]) =>
  criuNotes([ROOT, ...ts]).map((n) => [n.pid, n.when, n.badge]);

describe('what CRIU would do', () => {
  it('says what restore changes about a zombie: 7-bit status, core flag, non-fatal signal', () => {
    expect(
      notes(
        task({ pid: 2, state: 'zombie', exit_code: 200 << 8 }),
        task({ pid: 3, state: 'zombie', exit_code: 0x8b }),
        task({ pid: 4, state: 'zombie', exit_code: 36 }),
        task({ pid: 5, state: 'zombie', exit_code: 127 << 8 }),
        task({ pid: 6, state: 'zombie', exit_code: 15 }),
      ),
    ).toEqual([
      [2, 'restore', 'CRIU: exits 72'],
      [3, 'restore', 'CRIU: core flag lost'],
      [4, 'restore', 'CRIU: SIGABRT'],
    ]);
  });

  it('says that the exit signal is not kept, for processes only', () => {
    expect(
      notes(task({ pid: 2, exit_signal: 10 }), task({ pid: 3, tgid: 2, exit_signal: -1 })),
    ).toEqual([[2, 'restore', 'CRIU: SIGCHLD']]);
  });

  it('says what dump refuses', () => {
    expect(
      criuNotes([
        task({ pid: 1, ppid: 0, sid: 9 }),
        task({ pid: 2, state: 'zombie' }),
        task({ pid: 3, tgid: 2 }),
        task({ pid: 4, traced: true }),
        task({ pid: 5, state: 'stopped' }),
        task({ pid: 6, tgid: 5 }),
      ]).map((n) => [n.pid, n.when, n.text.slice(0, 40)]),
    ).toEqual([
      [1, 'dump', 'criu dump refuses it without --shell-job'],
      [2, 'dump', 'criu dump refuses it: "Zombies with thre'],
      [4, 'dump', 'criu dump refuses it: "Unseizable non-zo'],
      [5, 'dump', 'criu dump refuses it: "Individually stop'],
    ]);
    expect(criuNotes([task({ pid: 1, ppid: 0, state: 'zombie' })]).map((n) => n.text)).toEqual([
      'criu dump refuses a zombie as the root of the dump: it cannot be seized, so the dump fails',
    ]);
  });
});
