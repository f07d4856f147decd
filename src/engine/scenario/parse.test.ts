import { describe, expect, it } from 'vitest';
import { baseName, formatScenarioError, parseScenario } from './parse';
import type { Scenario } from './types';

const F = '"format": "crviz-scenario/1"';

function ok(text: string, source = 'dir/s.json'): Scenario {
  const r = parseScenario(text, source);
  if (!r.ok) throw new Error(`expected success, got: ${r.message}`);
  return r.scenario;
}

function err(text: string): string {
  const r = parseScenario(text, 's.json');
  if (r.ok) throw new Error('expected a failure');
  expect(r.message).not.toContain('\n');
  return r.message;
}

/** A scenario with the given tree and steps, as JSON text. */
function sc(tree: unknown[] | null, steps: unknown[] = []): string {
  return JSON.stringify({ format: 'crviz-scenario/1', ...(tree ? { tree } : {}), steps });
}

const root = { pid: 1, ppid: 0 };

describe('top level', () => {
  it('fills defaults', () => {
    const s = ok(`{${F}, "steps": []}`, 'a/b/three.json');
    expect(s.name).toBe('three');
    expect(s.variant).toBe('v18-28');
    expect(s.tree).toEqual([
      {
        pid: 1,
        ppid: 0,
        tgid: 1,
        comm: 'init',
        state: 'running',
        exit_code: 0,
        exit_signal: 17,
        pdeath_signal: 0,
        pgid: 1,
        sid: 1,
        init: true,
      },
    ]);
    expect('title' in s).toBe(false);
  });

  it('keeps name, title, description, variant', () => {
    const s = ok(
      `{${F}, "name": "n", "title": "t", "description": "d", "variant": "naive", "steps": []}`,
    );
    expect([s.name, s.title, s.description, s.variant]).toEqual(['n', 't', 'd', 'naive']);
  });

  it('requires format and steps', () => {
    expect(err('{"steps": []}')).toMatch(/missing required key "format"/);
    expect(err('{"format": "crviz-scenario/2", "steps": []}')).toMatch(
      /"format" must be "crviz-scenario\/1"/,
    );
    expect(err(`{${F}}`)).toMatch(/missing required key "steps"/);
    expect(err(`{${F}, "steps": {}}`)).toMatch(/^steps: must be an array/);
  });

  it('rejects unknown keys with a hint, bad variants, non-objects', () => {
    expect(err(`{${F}, "stepz": []}`)).toBe(
      'top level: unknown key "stepz" (did you mean "steps"?)',
    );
    expect(err(`{${F}, "variant": "v18", "steps": []}`)).toMatch(
      /"variant" must be one of v18-28, v17, naive/,
    );
    expect(err('[1]')).toMatch(/must be a JSON object/);
    expect(err(`{${F}, "name": 3, "steps": []}`)).toMatch(/"name" must be a string/);
  });

  it('accepts a "$schema" string for editors and leaves it out of the scenario', () => {
    const s = ok(`{"$schema": "../schemas/crviz-scenario.schema.json", ${F}, "steps": []}`);
    expect(Object.keys(s)).not.toContain('$schema');
    expect(err(`{"$schema": 1, ${F}, "steps": []}`)).toBe('"$schema" must be a string, got 1');
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(err('{\n  "format": 1,\n}')).toMatch(/^invalid JSON at line 3, column 1: /);
    expect(err('{"a":tru}')).toMatch(/^invalid JSON at line 1, column 6: /);
    expect(err('')).toMatch(/^invalid JSON at line 1, column 1: unexpected end of input/);
    expect(err('{"a": 1} x')).toMatch(/column 10: .*after the end/);
    expect(err('{"a": "\u0001"}')).toMatch(/control character/);
  });

  it('accepts a byte-order mark', () => {
    expect(ok(`\ufeff{${F}, "steps": []}`).steps).toEqual([]);
  });

  it('formats CLI messages and base names', () => {
    expect(formatScenarioError('x.json', 'boom')).toBe('x.json: boom');
    expect(baseName('C:\\a\\b.JSON')).toBe('b');
    expect(baseName('plain')).toBe('plain');
  });
});

describe('tree', () => {
  it('inherits comm, pgid, sid from the parent and defaults init by pid', () => {
    const s = ok(
      sc([
        { pid: 5, ppid: 0, comm: 'r', pgid: 7 },
        { pid: 6, ppid: 5 },
      ]),
    );
    expect(s.tree[0]).toMatchObject({ comm: 'r', pgid: 7, sid: 5, init: false });
    expect(s.tree[1]).toMatchObject({ comm: 'r', pgid: 7, sid: 5, init: false, tgid: 6 });
  });

  it('keeps at most 15 UTF-8 bytes of comm, cutting between characters', () => {
    const s = ok(
      sc([
        { pid: 1, ppid: 0, comm: 'abcdefghijklmnopq' },
        { pid: 2, ppid: 1, comm: 'ééééééééé' },
      ]),
    );
    expect(s.tree[0].comm).toBe('abcdefghijklmno');
    expect(s.tree[1].comm).toBe('ééééééé'); // 14 bytes: an 8th é would need 16
  });

  it('makes threads from tgid: ppid, comm, exit_signal from the leader', () => {
    const s = ok(
      sc([
        root,
        { pid: 2, ppid: 1, comm: 'srv' },
        { pid: 3, tgid: 2 },
        { pid: 4, tgid: 2, ppid: 1 },
      ]),
    );
    expect(s.tree[2]).toMatchObject({ pid: 3, tgid: 2, ppid: 1, comm: 'srv', exit_signal: -1 });
    expect(s.tree[1].exit_signal).toBe(17);
    expect(ok(sc([root, { pid: 2, tgid: 1 }])).tree[1]).toMatchObject({ ppid: 0, init: false });
  });

  it('checks thread rules', () => {
    expect(err(sc([root, { pid: 2, tgid: 9 }]))).toBe(
      'tree[1] (pid 2): tgid 9 does not appear earlier in the list',
    );
    expect(err(sc([root, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }, { pid: 4, tgid: 3 }]))).toMatch(
      /^tree\[3\] \(pid 4\): tgid 3 is itself a thread/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2, tgid: 2 }]))).toMatch(
      /^tree\[2\] \(pid 3\): ppid 2 differs from ppid 1/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2, pgid: 3 }]))).toMatch(
      /shares pgid and sid/,
    );
  });

  it('checks roots, parents and duplicates', () => {
    expect(err(sc([]))).toMatch(/^tree: must list at least the root/);
    expect(err(sc([root, { pid: 2, ppid: 0 }]))).toMatch(/^tree\[1\] \(pid 2\): a second root/);
    expect(err(sc([{ pid: 2, ppid: 1 }]))).toMatch(
      /^tree\[0\] \(pid 2\): the first entry must be the root/,
    );
    expect(err(sc([root, { pid: 3, ppid: 9 }]))).toBe(
      'tree[1] (pid 3): ppid 9 does not appear earlier in the list',
    );
    expect(err(sc([root, { pid: 1, ppid: 1 }]))).toBe('tree[1] (pid 1): duplicate pid 1');
    expect(err(sc([root, { pid: 2 }]))).toBe('tree[1] (pid 2): missing required key "ppid"');
    expect(err(sc([{ ppid: 0 }]))).toBe('tree[0]: missing required key "pid"');
    expect(err(sc([root, { pid: -2, ppid: 1 }]))).toMatch(
      /^tree\[1\]: "pid" must be a positive integer/,
    );
    expect(err(sc([root, { pid: 2.5, ppid: 1 }]))).toMatch(/positive integer/);
    expect(err(JSON.stringify({ format: 'crviz-scenario/1', tree: {}, steps: [] }))).toMatch(
      /^tree: must be an array/,
    );
  });

  it('checks states, exit codes and zombies', () => {
    const s = ok(sc([root, { pid: 2, ppid: 1, state: 'zombie', exit_code: 0xffffffff }]));
    expect(s.tree[1]).toMatchObject({ state: 'zombie', exit_code: 0xffffffff });
    expect(err(sc([root, { pid: 2, ppid: 1, state: 'sleeping' }]))).toMatch(
      /"state" must be one of running, stopped, zombie/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1, exit_code: 256 }]))).toMatch(
      /exit_code 256 is only allowed for a zombie/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1, state: 'zombie', exit_code: 2 ** 32 }]))).toMatch(
      /0 to 4294967295/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1, state: 'zombie' }, { pid: 3, ppid: 2 }]))).toBe(
      'tree[2] (pid 3): parent 2 is a zombie, which cannot have children',
    );
    expect(ok(sc([root, { pid: 2, ppid: 1, state: 'stopped' }])).tree[1].state).toBe('stopped');
  });

  it('checks signals and init', () => {
    const s = ok(sc([root, { pid: 2, ppid: 1, exit_signal: 'SIGUSR1', pdeath_signal: 'TERM' }]));
    expect(s.tree[1]).toMatchObject({ exit_signal: 10, pdeath_signal: 15 });
    expect(err(sc([root, { pid: 2, ppid: 1, pdeath_signal: 65 }]))).toMatch(
      /signal number from 0 to 64/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1, exit_signal: 'SIGFOO' }]))).toMatch(
      /unknown signal name "SIGFOO"/,
    );
    expect(err(sc([root, { pid: 2, ppid: 1, init: true }]))).toMatch(
      /^tree\[1\] \(pid 2\): "init" is only meaningful for the root/,
    );
    expect(ok(sc([{ pid: 1, ppid: 0, init: false }])).tree[0].init).toBe(false);
    expect(ok(sc([{ pid: 4, ppid: 0, init: true }])).tree[0].init).toBe(true);
  });

  it('rejects unknown keys with a hint', () => {
    expect(err(sc([root, { pid: 2, ppid: 1, comn: 'x' }]))).toBe(
      'tree[1] (pid 2): unknown key "comn" (did you mean "comm"?)',
    );
  });
});
