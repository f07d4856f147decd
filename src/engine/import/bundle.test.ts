import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { importBundle } from './bundle';
import type { ImportResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
const SNAKE = fixture('bundle-snake.json');

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.message);
  const parsed = parseScenario(r.json, 'x');
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...r, scenario: parsed.scenario, raw: JSON.parse(r.json) };
}

const fail = (r: ImportResult) => (r.ok ? 'ok' : r.message);

// The edits below reach into arbitrary JSON; typing every path would only restate the fixture.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The snake fixture with one change made to its parsed JSON. */
function edit(change: (b: Json) => void): string {
  const b = JSON.parse(SNAKE);
  change(b);
  return JSON.stringify(b);
}

describe('importBundle', () => {
  it('converts the Python-style bundle', () => {
    const r = ok(importBundle(SNAKE, 'dir/web.json'));
    expect(r.raw).toMatchObject({ format: 'crviz-scenario/1', name: 'web-stack', steps: [] });
    expect(r.scenario.tree).toEqual([
      expect.objectContaining({ pid: 700, ppid: 0, comm: 'daemon', pgid: 700, sid: 700 }),
      expect.objectContaining({ pid: 701, ppid: 700, comm: 'web', pdeath_signal: 15 }),
      expect.objectContaining({ pid: 705, ppid: 700, tgid: 701, comm: 'web-io', exit_signal: -1 }),
      // 706 has no core in the bundle: it keeps the leader's name.
      expect.objectContaining({ pid: 706, tgid: 701, comm: 'web', pdeath_signal: 0 }),
      expect.objectContaining({ pid: 702, state: 'zombie', exit_code: 13056, comm: 'cron job' }),
      expect.objectContaining({ pid: 703, ppid: 701, state: 'zombie', exit_code: 9 }),
      expect.objectContaining({ pid: 704, state: 'stopped', pgid: 704, sid: 700 }),
    ]);
    expect(r.scenario.tree.some((e) => e.pid === 31337)).toBe(false); // zombie threads ignored
    expect(r.notes).toContain('pid 704 (less): stopped by signal 19');
    expect(r.notes).toContain('pid 702 (cron job): zombie, exited 51 (wait status 13056)');
    expect(r.raw.description).toContain('source: written by hand');
  });

  it('gives the same tree for the Go-style and the pretty bundles', () => {
    const want = ok(importBundle(SNAKE, 'a.json')).scenario.tree;
    const camel = ok(importBundle(fixture('bundle-camel.json'), 'b.json'));
    expect(camel.scenario.tree).toEqual(want);
    expect(camel.scenario.name).toBe('web-stack-go');
    const pretty = ok(importBundle(fixture('bundle-pretty.json'), 'dir/pretty.json'));
    expect(pretty.scenario.tree).toEqual(want);
    expect(pretty.scenario.name).toBe('pretty'); // no name in the bundle: the file's
    expect(pretty.notes).toContain(
      'pid 704 (less): task_state label "Zombie" read as stopped (the core has thread data)',
    );
  });

  it('resolves "Zombie" and "Stopped" labels by the shape of the core', () => {
    const r = ok(
      importBundle(
        edit((b) => {
          b.cores['702'].entries[0].tc.task_state = 'Zombie'; // tc only: a zombie
          b.cores['704'].entries[0].tc.task_state = 'Stopped'; // thread_core: stopped
          delete b.cores['704'].entries[0].tc.stop_signo;
        }),
        'x.json',
      ),
    );
    const by = new Map(r.scenario.tree.map((e) => [e.pid, e.state]));
    expect([by.get(702), by.get(704)]).toEqual(['zombie', 'stopped']);
    expect(r.notes).toContain('pid 704 (less): stopped, signal not recorded');
  });

  it('accepts integers as decimal and hex strings, and pgid 0 with a note', () => {
    const r = ok(
      importBundle(
        edit((b) => {
          b.pstree.entries[1].pid = '701';
          b.cores['702'].entries[0].tc.exit_code = '0x3300';
          b.pstree.entries[4].pgid = 0;
        }),
        'x.json',
      ),
    );
    const z = r.scenario.tree.find((e) => e.pid === 702);
    expect(z?.exit_code).toBe(13056);
    expect(r.scenario.tree.find((e) => e.pid === 704)?.pgid).toBe(700);
    expect(r.notes.join('\n')).toMatch(/pid 704 \(less\): pgid 0/);
  });

  it('notes a core-dumped zombie, which Linux-CR v18 refuses', () => {
    const r = ok(
      importBundle(
        edit((b) => (b.cores['703'].entries[0].tc.exit_code = 139)),
        'x',
      ),
    );
    expect(r.notes).toContain(
      'pid 703 (oom-victim): core-dumped status: Linux-CR v18 refuses to restart it',
    );
  });
});

describe('importBundle errors', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed JSON', '{"format": "criu-tree/1",', /^invalid JSON at line 1, column 26/],
    [
      'wrong format',
      '{"format": "crviz-scenario/1"}',
      /^"format" must be "criu-tree\/1", got "crviz-scenario\/1"/,
    ],
    ['bare pstree', '{"magic": "PSTREE", "entries": []}', /bare pstree.img decode/],
    ['not an object', '[1]', /^must be a JSON object, got an array/],
  ];
  it.each(cases)('%s', (_n, text, want) => {
    expect(fail(importBundle(text, 'f.json'))).toMatch(want);
  });

  const edits: [string, (b: Json) => void, string][] = [
    [
      'no entries',
      (b) => (b.pstree.entries = []),
      'pstree: "entries" must be a non-empty array, got an empty one',
    ],
    [
      'wrong magic',
      (b) => (b.pstree.magic = 'CORE'),
      'pstree: "magic" must be "PSTREE", got "CORE"',
    ],
    [
      'missing sid',
      (b) => delete b.pstree.entries[2].sid,
      'pstree.entries[2] (pid 702): missing required key "sid"',
    ],
    ['no cores', (b) => delete b.cores, 'cores: must be an object keyed by tid, got nothing'],
    [
      'bad core key',
      (b) => (b.cores.abc = b.cores['700']),
      'cores["abc"]: keys of "cores" must be decimal tids',
    ],
    [
      'missing core',
      (b) => delete b.cores['703'],
      'pstree.entries[3] (pid 703): no cores["703"] for it',
    ],
    [
      'no tc',
      (b) => delete b.cores['701'].entries[0].tc,
      'cores["701"]: no "tc" (CRIU: Core task state data missed)',
    ],
    [
      'bad state',
      (b) => (b.cores['701'].entries[0].tc.task_state = 6),
      'cores["701"]: unknown task_state 6 (CRIU: Unknown task state)',
    ],
    [
      'bad label',
      (b) => (b.cores['701'].entries[0].tc.task_state = 'Dead'),
      'cores["701"]: unknown task_state label "Dead"',
    ],
    [
      'no exit code',
      (b) => delete b.cores['702'].entries[0].tc.exit_code,
      'cores["702"]: a zombie needs tc.exit_code (a wait status), got nothing',
    ],
    [
      'two roots',
      (b) => (b.pstree.entries[4].ppid = 0),
      'pstree.entries[4] (pid 704): a second root (ppid 0) besides pid 700',
    ],
    [
      'root not first',
      (b) => b.pstree.entries.reverse(),
      "pstree.entries[0] (pid 704): ppid 700 is not an earlier process (CRIU: Can't find a parent)",
    ],
    [
      'zombie parent',
      (b) => (b.pstree.entries[3].ppid = 702),
      'pstree.entries[3] (pid 703): its parent 702 is a zombie (CRIU: Zombie with children)',
    ],
    [
      'zombie sid 0',
      (b) => (b.pstree.entries[2].sid = 0),
      'pstree.entries[2] (pid 702): a zombie with sid 0 (CRIU refuses to dump it)',
    ],
    [
      'duplicate pid',
      (b) => (b.pstree.entries[4].pid = 703),
      'pstree.entries[4] (pid 703): pid 703 appears twice',
    ],
    [
      'thread is a process',
      (b) => b.pstree.entries[1].threads.push(704),
      'pstree.entries[1] (pid 701): thread 704 is also a process',
    ],
    [
      'bad pdeath',
      (b) => (b.cores['701'].entries[0].thread_core.pdeath_sig = 99),
      'cores["701"]: thread_core.pdeath_sig must be a signal 0..64 (CRIU: Pdeath signal is too big)',
    ],
    [
      'bad thread id',
      (b) => (b.pstree.entries[1].threads = ['x']),
      'pstree.entries[1] (pid 701): threads[0] must be a positive integer, got "x"',
    ],
  ];
  it.each(edits)('%s', (_n, change, want) => {
    expect(fail(importBundle(edit(change), 'f.json'))).toBe(want);
  });
});

describe('criu-tree/1 bundles from real dumps', () => {
  const core = (comm: string, state: number, exit = 0) => ({
    magic: 'CORE',
    entries: [{ mtype: 'X86_64', tc: { task_state: state, exit_code: exit, comm } }],
  });
  const bundle = (rootSid: number, zombieThreads: unknown[]) =>
    JSON.stringify({
      format: 'criu-tree/1',
      pstree: {
        entries: [
          { pid: 1, ppid: 0, pgid: 1, sid: rootSid, threads: [1] },
          { pid: 2, ppid: 1, pgid: 1, sid: rootSid, threads: zombieThreads },
        ],
      },
      cores: { '1': core('job', 1), '2': core("b'z\\xff'", 2, 51200) },
    });

  it("ignores a zombie's threads list (CRIU 4.1.1 writes [0] or stray values there)", () => {
    for (const threads of [[0], [2211874016], []]) {
      const s = ok(importBundle(bundle(1, threads), 'b.json')).scenario;
      expect(s.tree.map((e) => [e.pid, e.state])).toEqual([
        [1, 'running'],
        [2, 'zombie'],
      ]);
    }
  });

  it('marks the root as a subtree root, decodes a bytes repr, and notes --shell-job', () => {
    const r = ok(importBundle(bundle(77, [2]), 'b.json'));
    expect(r.scenario.tree[0]).toMatchObject({ pid: 1, init: false });
    expect(r.scenario.tree[1].comm).toBe('z\udcff');
    expect(r.notes).toContain(
      'pid 1 (job): criu dump refuses it without --shell-job: "The root process 1 is not a session leader"',
    );
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^pid 2 \(z\\xff\): CRIU 4\.1\.1 restores it as exited 72/),
    );
  });
});
