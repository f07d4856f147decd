/**
 * `crviz snapshot` says before a dump what CRIU would refuse or change, as `crviz import` of the
 * dump does afterwards; and it reads what /proc has that a dump keeps (stop signal, comm bytes).
 */
import { describe, expect, it } from 'vitest';
import { commFromBytes, commToBytes } from '../kernel/comm';
import { parseScenario } from '../scenario/parse';
import { importCriuDump } from './criu/dump';
import { imageFiles, procBefore } from './criu/fixtures/real-tree';
import { memReader, procFiles, type FakeTask } from './fixtures/fake-proc';
import { snapshotProc } from './snapshot';

/** A /proc holding the real tree as proc-before.json recorded it, comm bytes and all. */
function realProc() {
  const { root, tasks } = procBefore();
  const comm = (h: string) => commFromBytes(Uint8Array.from(Buffer.from(h, 'hex')));
  const fake: FakeTask[] = tasks.map((t) => ({
    pid: t.pid,
    comm: comm(t.comm_hex),
    state: t.state,
    ppid: t.ppid,
    pgrp: t.pgid,
    session: t.sid,
    exitSignal: t.exit_signal,
    exitCode: t.exit_code,
    uid: 0,
    threads: t.threads
      .filter((th) => th.tid !== t.pid)
      .map((th) => ({ tid: th.tid, comm: comm(th.comm_hex), state: th.state })),
  }));
  const files = procFiles(fake);
  // The kernel's bytes, as the CLI's reader gives them (a text read would say U+FFFD).
  const reader = {
    ...memReader(files),
    readBytes: (p: string) => {
      const text = files.get(p);
      return text === undefined ? null : commToBytes(text);
    },
  };
  return { root, reader };
}

describe('crviz snapshot and CRIU', () => {
  it('gives the restore notes that the import of the same tree, dumped, gives', () => {
    const { root, reader } = realProc();
    const snap = snapshotProc(reader, { root, viewerUid: 0 });
    const dump = importCriuDump(imageFiles(), 'images', 'real');
    if (!snap.ok || !dump.ok) throw new Error('import failed');
    const criu = (notes: string[]) => notes.filter((n) => n.includes('CRIU 4.1.1'));
    // The exit signal is in /proc but not in CRIU's images: only the snapshot can warn of it.
    expect(criu(snap.notes)).toEqual([
      ...criu(dump.notes),
      expect.stringMatching(
        /^pid \d+ \(z-usr1-exitsig\): CRIU 4\.1\.1 restores it with exit signal SIGCHLD, not SIGUSR1 \(10\)/,
      ),
    ]);
  });

  it('reads the stop signal from stat field 52 and keeps comm bytes', () => {
    const { root, reader } = realProc();
    const r = snapshotProc(reader, { root, viewerUid: 0 });
    if (!r.ok) throw new Error(r.message);
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^pid \d+ \(stopped\): stopped by signal 19 \(stat field 52\)$/),
    );
    const p = parseScenario(r.json, 's');
    expect(p.ok && p.scenario.tree.some((e) => e.comm === 'héllo wörld \udce2')).toBe(true);
    expect(r.notes.join('\n')).not.toContain('\ufffd');
  });

  it('takes a thread id given as --root as its thread group', () => {
    const { reader } = realProc();
    const threaded = procBefore().tasks.find((t) => t.threads.length > 1);
    const tid = threaded?.threads[1].tid as number;
    const r = snapshotProc(reader, { root: tid, viewerUid: 0 });
    if (!r.ok) throw new Error(r.message);
    const p = parseScenario(r.json, 's');
    expect(p.ok && p.scenario.tree[0].pid).toBe(threaded?.pid);
    expect(r.notes[0]).toBe(
      `pid ${tid} is a thread of ${threaded?.pid}: the tree starts at ${threaded?.pid}`,
    );
  });

  it('says what criu dump would refuse: a traced task, a zombie with threads, no session leader', () => {
    const tasks: FakeTask[] = [
      { pid: 10, comm: 'shell-job', state: 'S', ppid: 1, session: 5 },
      { pid: 11, comm: 'traced', state: 't', ppid: 10, session: 5, tracerPid: 99 },
      { pid: 12, comm: 'half', state: 'Z', ppid: 10, session: 5, threads: [{ tid: 13 }] },
    ];
    const r = snapshotProc(memReader(procFiles(tasks)), { root: 10 });
    if (!r.ok) throw new Error(r.message);
    const dump = r.notes.filter((n) => n.includes('criu dump refuses'));
    expect(dump).toEqual([
      'pid 10 (shell-job): criu dump refuses it without --shell-job: "The root process 10 is not a session leader"',
      'pid 11 (traced): criu dump refuses it: "Unseizable non-zombie": a traced task cannot be seized by CRIU',
      'pid 12 (half): criu dump refuses it: "Zombies with threads are not supported" (the leader exited, 1 thread still run)',
    ]);
  });
});
