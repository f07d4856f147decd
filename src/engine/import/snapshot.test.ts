import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { memReader, procFiles, statLine, type FakeTask } from './fixtures/fake-proc';
import { COMM_WITH_PARENS, TASKS } from './fixtures/proc-tree';
import { snapshotProc, type SnapshotOptions } from './snapshot';
import type { ImportResult } from './types';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.message);
  const parsed = parseScenario(r.json, 'snapshot');
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...r, scenario: parsed.scenario, raw: JSON.parse(r.json) };
}

function snap(tasks: FakeTask[], opts: SnapshotOptions = {}, vanish = new Map<string, string>()) {
  return snapshotProc(memReader(procFiles(tasks), vanish), opts);
}

// 26 exits after its stat was read: its status is gone and so is its directory.
const VANISH = new Map([['/proc/26/stat', '/proc/26']]);

describe('snapshotProc', () => {
  it('builds the tree under pid 1 with states, exit codes, threads and odd comms', () => {
    const r = ok(snap(TASKS, {}, VANISH));
    const s = r.scenario;
    expect(r.raw).toMatchObject({ format: 'crviz-scenario/1', name: 'snapshot', steps: [] });
    expect(s.tree.map((e) => e.pid)).toEqual([1, 10, 20, 21, 22, 23, 24, 25, 30, 27]);
    const by = new Map(s.tree.map((e) => [e.pid, e]));
    expect(by.get(1)).toMatchObject({ ppid: 0, init: true, comm: 'init', pgid: 1, sid: 1 });
    expect(by.get(10)?.comm).toBe(COMM_WITH_PARENS);
    expect(by.get(21)).toMatchObject({ state: 'zombie', exit_code: 768, ppid: 20 });
    expect(by.get(27)).toMatchObject({ state: 'zombie', exit_code: 139 });
    expect(by.get(22)).toMatchObject({ state: 'stopped', pgid: 22, sid: 20 });
    expect(by.get(24)).toMatchObject({ tgid: 23, ppid: 20, comm: 'worker-io', exit_signal: -1 });
    expect(by.get(25)).toMatchObject({ tgid: 23, state: 'running' });
    expect(by.get(30)).toMatchObject({ ppid: 23, state: 'running' });
    expect(by.has(26)).toBe(false); // vanished
    expect(by.has(2)).toBe(false); // kernel threads hang under pid 2, outside the tree
    expect(r.notes).toContain('vanished while being read, left out: pids 26');
    expect(r.notes.join('\n')).toMatch(/pid 30 \(helper\): state D \(disk sleep\)/);
    expect(r.notes.join('\n')).toMatch(/pid 27 .*core-dumped status: Linux-CR v18 refuses/);
    expect(r.raw.description).toContain('source: procfs');
  });

  it('keeps pids and roots the tree at --root, whose ppid becomes 0', () => {
    const s = ok(snap(TASKS, { root: 23 })).scenario;
    expect(s.tree.map((e) => [e.pid, e.ppid])).toEqual([
      [23, 0],
      [24, 0],
      [25, 0],
      [30, 23],
    ]);
    expect(s.tree[0].init).toBe(false);
  });

  it('accepts a trailing slash and another directory', () => {
    const files = procFiles(TASKS, '/tmp/copy');
    const r = ok(snapshotProc(memReader(files), { proc: '/tmp/copy/', root: 20 }));
    expect(r.scenario.tree[0].pid).toBe(20);
  });

  it('gives children of a zombie leader with live threads to its first live thread', () => {
    const tasks: FakeTask[] = [
      { pid: 1, comm: 'init', state: 'S', ppid: 0 },
      { pid: 5, comm: 'app', state: 'Z', ppid: 1, threads: [{ tid: 6 }, { tid: 7, state: 'Z' }] },
      { pid: 8, comm: 'kid', state: 'S', ppid: 5 },
    ];
    const r = ok(snap(tasks));
    expect(r.scenario.tree.map((e) => [e.pid, e.ppid, e.state])).toEqual([
      [1, 0, 'running'],
      [5, 1, 'zombie'],
      [6, 1, 'running'],
      [8, 6, 'running'],
    ]);
    expect(r.notes.join('\n')).toMatch(
      /pid 5 \(app\): criu dump refuses it: "Zombies with threads are not supported"/,
    );
    expect(r.notes.join('\n')).toMatch(/thread 7 is exiting \(Z\), left out/);
  });

  it('maps t to running, skips X, and notes tracing and session 0', () => {
    const tasks: FakeTask[] = [
      { pid: 1, comm: 'init', state: 'S', ppid: 0, pgrp: 0, session: 0 },
      { pid: 4, comm: 'traced', state: 't', ppid: 1, tracerPid: 9 },
      { pid: 5, comm: 'dying', state: 'X', ppid: 1 },
      { pid: 6, comm: 'orphan-z', state: 'Z', ppid: 1, session: 0, exitCode: 9 },
    ];
    const r = ok(snap(tasks));
    const s = r.scenario;
    expect(s.tree.map((e) => e.pid)).toEqual([1, 4, 6]);
    expect(s.tree[0]).toMatchObject({ pgid: 1, sid: 1 });
    expect(s.tree[1].state).toBe('running');
    expect(s.tree[2]).toMatchObject({ sid: 1, exit_code: 9 });
    const text = r.notes.join('\n');
    expect(text).toMatch(/pid 4 \(traced\): state t \(tracing stop\) imported as running/);
    expect(text).toMatch(/pid 4 \(traced\): traced by pid 9/);
    expect(text).toMatch(/pid 5 \(dying\): state X/);
    expect(text).toMatch(/pid 6 \(orphan-z\): zombie with session 0: not checkpointable/);
  });

  it('flags unknown exit codes: old kernels and other users without ptrace access', () => {
    const tasks: FakeTask[] = [
      { pid: 1, comm: 'init', state: 'S', ppid: 0, uid: 0 },
      { pid: 4, comm: 'old', state: 'Z', ppid: 1, exitCode: 768, fields: 44 },
      { pid: 5, comm: 'theirs', state: 'Z', ppid: 1, uid: 0 },
      { pid: 6, comm: 'mine', state: 'Z', ppid: 1, uid: 1000 },
    ];
    const r = ok(snap(tasks, { viewerUid: 1000 }));
    expect(r.scenario.tree.map((e) => e.exit_code)).toEqual([0, 0, 0, 0]);
    const text = r.notes.join('\n');
    expect(text).toMatch(/pid 4 \(old\): no stat field 52/);
    expect(text).toMatch(/pid 5 \(theirs\): another user's zombie: exit code unknown/);
    expect(text).not.toMatch(/pid 6 \(mine\): another user/);
  });

  it('leaves out a child that started before its parent (pid reuse)', () => {
    const tasks: FakeTask[] = [
      { pid: 1, comm: 'init', state: 'S', ppid: 0, starttime: 5 },
      { pid: 4, comm: 'new', state: 'S', ppid: 1, starttime: 900 },
      { pid: 3, comm: 'stale', state: 'S', ppid: 4, starttime: 50 },
    ];
    const r = ok(snap(tasks));
    expect(r.scenario.tree.map((e) => e.pid)).toEqual([1, 4]);
    expect(r.notes.join('\n')).toMatch(/pid 3 \(stale\): started before its parent 4/);
  });

  it('skips a thread that vanishes and a task whose directory disappears before status', () => {
    const files = procFiles(TASKS);
    files.delete('/proc/23/task/25/stat');
    const r = ok(snapshotProc(memReader(files, VANISH), {}));
    expect(r.scenario.tree.map((e) => e.pid)).not.toContain(25);
    expect(r.scenario.tree.map((e) => e.pid)).toContain(24);
  });
});

describe('snapshotProc errors', () => {
  const fail = (r: ImportResult) => (r.ok ? 'ok' : r.message);

  it('names a missing directory', () => {
    expect(fail(snapshotProc(memReader(new Map()), { proc: '/nope' }))).toBe(
      '/nope: no such directory (or not readable)',
    );
  });

  it('refuses a directory without pid entries', () => {
    const r = snapshotProc(memReader(new Map([['/d/x/y', '']])), { proc: '/d' });
    expect(fail(r)).toBe('/d: no numeric pid directories, so not a /proc tree');
  });

  it('names a root pid that does not exist or vanished', () => {
    expect(fail(snap(TASKS, { root: 99 }))).toBe('/proc: pid 99 does not exist');
    expect(fail(snap(TASKS, { root: 26 }, VANISH))).toBe('/proc: pid 26 vanished while reading');
    const noInit = TASKS.filter((t) => t.pid !== 1);
    expect(fail(snap(noInit))).toMatch(/pid 1 does not exist \(choose another root with --root/);
  });

  it('names an unreadable file whose directory is still there', () => {
    const files = procFiles(TASKS);
    files.delete('/proc/22/status');
    expect(fail(snapshotProc(memReader(files), {}))).toBe('/proc/22/status: cannot read');
    files.set('/proc/22/status', 'Tgid:\t22\n');
    files.delete('/proc/22/stat');
    expect(fail(snapshotProc(memReader(files), {}))).toBe('/proc/22/stat: cannot read');
  });

  it('names a malformed stat line', () => {
    const files = procFiles(TASKS);
    files.set('/proc/21/stat', '21 logger Z 20\n');
    expect(fail(snapshotProc(memReader(files), {}))).toBe('/proc/21/stat: no "(comm)" in the line');
    files.set('/proc/21/stat', '21 (logger) Z 20 20\n');
    expect(fail(snapshotProc(memReader(files), {}))).toMatch(/^\/proc\/21\/stat: only 5 fields/);
    files.set('/proc/21/stat', statLine({ pid: 12, comm: 'x', state: 'S', ppid: 1 }));
    expect(fail(snapshotProc(memReader(files), {}))).toBe('/proc/21/stat: names pid 12, not 21');
  });

  it('refuses a multi-threaded task without task/ and a status with another Tgid', () => {
    const files = procFiles(TASKS);
    for (const k of [...files.keys()]) if (k.startsWith('/proc/23/task/')) files.delete(k);
    expect(fail(snapshotProc(memReader(files), {}))).toBe('/proc/23/task: cannot list (3 threads)');
    const f2 = procFiles(TASKS);
    f2.set('/proc/22/status', 'Tgid:\t20\n');
    expect(fail(snapshotProc(memReader(f2), {}))).toBe(
      '/proc/22/status: Tgid 20 differs from pid 22',
    );
  });
});
