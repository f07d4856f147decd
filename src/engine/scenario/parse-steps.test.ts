import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import type { Step } from './types';

function steps(...list: unknown[]): Step[] {
  const r = parseScenario(JSON.stringify({ format: 'crviz-scenario/1', steps: list }), 's.json');
  if (!r.ok) throw new Error(r.message);
  return r.scenario.steps;
}

function err(...list: unknown[]): string {
  const r = parseScenario(JSON.stringify({ format: 'crviz-scenario/1', steps: list }), 's.json');
  if (r.ok) throw new Error('expected a failure');
  return r.message;
}

describe('steps', () => {
  it('accepts every op with its fields, in table order', () => {
    const all = steps(
      { op: 'fork', comm: 'k', pid: 1, child: 3, clone_parent: true },
      { op: 'thread', pid: 1, tid: 9 },
      { op: 'exit', pid: 3, status: 255 },
      { op: 'thread_exit', pid: 9 },
      { op: 'kill', pid: 3, signal: 'SIGSEGV', core: true },
      { op: 'wait', pid: 1, child: 3, untraced: true, hold: true },
      { op: 'release', pid: 1 },
      { op: 'ignore_sigchld', pid: 1, ignore: false },
      { op: 'pdeathsig', pid: 1, signal: 0 },
      { op: 'ptrace', tracer: 1, tracee: 2 },
      { op: 'ptrace_detach', tracee: 2 },
      { op: 'freeze' },
      { op: 'thaw' },
      { op: 'leave_freezer', pid: 2 },
      { op: 'checkpoint', image: 'a.b-c_1', root: 1, subtree: true },
      { op: 'destroy' },
      { op: 'restart', image: 'a', schedule: ['coord', 'pid:1'], variant: 'v17' },
      { op: 'patch', image: 'a', pid: 3, field: 'exit_code', value: 65536 },
      { op: 'patch', image: 'a', pid: 3, field: 'comm', value: 'x' },
      { op: 'corrupt', image: 'a', offset: 0, hex: 'FF00' },
      { op: 'truncate', image: 'a', length: 10 },
      { op: 'load_image', image: 'b', path: 'img/b.ckpt' },
    );
    expect(all).toHaveLength(22);
    expect(Object.keys(all[0])).toEqual(['op', 'pid', 'child', 'comm', 'clone_parent']);
    expect(all[4]).toEqual({ op: 'kill', pid: 3, signal: 11, core: true });
    expect(all[19]).toEqual({ op: 'corrupt', image: 'a', offset: 0, hex: 'ff00' });
    expect(steps({ op: 'restart', image: 'a', schedule: 'random:42' })[0]).toMatchObject({
      schedule: 'random:42',
    });
    expect(steps({ op: 'restart', image: 'a', schedule: 'fifo' })[0]).toMatchObject({
      schedule: 'fifo',
    });
    expect(steps({ op: 'kill', pid: 2, signal: 'term' })[0]).toMatchObject({ signal: 15 });
  });

  it('names typos in keys and ops', () => {
    expect(err({ op: 'freeze' }, { op: 'freeze' }, { op: 'freeze' }, { op: 'fork', pidd: 2 })).toBe(
      'steps[3]: unknown key "pidd" (did you mean "pid"?)',
    );
    expect(err({ op: 'freeze' }, { op: 'freeze' }, { op: 'forkk', pid: 1 })).toBe(
      'steps[2]: unknown op "forkk" (did you mean "fork"?)',
    );
    expect(err({ op: 'zzzzzzz' })).toBe('steps[0]: unknown op "zzzzzzz"');
    expect(err({ pid: 1 })).toBe('steps[0]: missing required key "op"');
    expect(err({ op: 3 })).toMatch(/"op" must be a string/);
    expect(err({ op: 'freeze', pid: 1 })).toMatch(/^steps\[0\]: unknown key "pid"/);
    expect(err({ op: 'toString' })).toMatch(/unknown op "toString"/);
  });

  it('checks field types and ranges', () => {
    expect(err({ op: 'exit', pid: 1, status: 256 })).toMatch(
      /"status" must be an integer from 0 to 255/,
    );
    expect(err({ op: 'exit', pid: 1 })).toBe('steps[0]: missing required key "status"');
    expect(err({ op: 'exit', pid: 0, status: 1 })).toMatch(/"pid" must be a positive integer/);
    expect(err({ op: 'kill', pid: 1, signal: 65 })).toMatch(/signal number from 0 to 64/);
    expect(err({ op: 'kill', pid: 1, signal: 'SIGNOPE' })).toMatch(/unknown signal name/);
    expect(err({ op: 'fork', pid: 1, clone_parent: 1 })).toMatch(
      /"clone_parent" must be true or false/,
    );
    expect(err({ op: 'checkpoint', image: '../x' })).toMatch(/"image" must be a name/);
    expect(err({ op: 'checkpoint', image: '' })).toMatch(/"image" must be a name/);
    expect(err({ op: 'corrupt', image: 'a', offset: 0, hex: 'abc' })).toMatch(/even-length/);
    expect(err({ op: 'corrupt', image: 'a', offset: 0, hex: 'zz' })).toMatch(/hex digits/);
    expect(err({ op: 'corrupt', image: 'a', offset: -1, hex: '00' })).toMatch(
      /"offset" must be an integer/,
    );
    expect(err({ op: 'truncate', image: 'a', length: 1.5 })).toMatch(/"length" must be an integer/);
    expect(err({ op: 'load_image', image: 'a', path: '' })).toMatch(/"path" must not be empty/);
    expect(err({ op: 'restart', image: 'a', variant: 'v20' })).toMatch(/"variant" must be one of/);
  });

  it('checks schedules', () => {
    expect(err({ op: 'restart', image: 'a', schedule: 'lifo' })).toMatch(
      /"schedule" must be "fifo"/,
    );
    expect(err({ op: 'restart', image: 'a', schedule: 'random:' })).toMatch(/needs a seed/);
    expect(err({ op: 'restart', image: 'a', schedule: ['coord', 'pid:0'] })).toBe(
      'steps[0]: "schedule"[1] must be "coord" or "pid:N", got "pid:0"',
    );
  });

  it('checks patch fields and values', () => {
    expect(err({ op: 'patch', image: 'a', pid: 1, field: 'exit_cod', value: 1 })).toMatch(
      /"field" must be one of .* \(did you mean "exit_code"\?\)/,
    );
    expect(err({ op: 'patch', image: 'a', pid: 1, field: 'state', value: 'x' })).toMatch(
      /"value" must be an integer/,
    );
    expect(err({ op: 'patch', image: 'a', pid: 1, field: 'comm', value: 1 })).toMatch(
      /"value" must be a string/,
    );
    expect(err({ op: 'patch', image: 'a', pid: 1, field: 'vppid' })).toMatch(
      /missing required key "value"/,
    );
    expect(steps({ op: 'patch', image: 'a', pid: 1, field: 'vppid', value: -1 })[0]).toMatchObject({
      value: -1,
    });
    expect(
      steps({ op: 'patch', image: 'a', pid: 1, field: 'vppid', value: 2, out: 'a-patched' })[0],
    ).toMatchObject({ out: 'a-patched' });
    expect(err({ op: 'patch', image: 'a', pid: 1, field: 'vppid', value: 2, out: 'a/b' })).toMatch(
      /"out" must be a name/,
    );
  });

  it('checks expect objects', () => {
    expect(steps({ op: 'freeze', expect: { ok: false, errno: 'EBUSY' } })[0].expect).toEqual({
      ok: false,
      errno: 'EBUSY',
    });
    expect(
      steps({ op: 'wait', pid: 1, expect: { ok: true, status: 13056, child: 3 } })[0].expect,
    ).toEqual({
      ok: true,
      status: 13056,
      child: 3,
    });
    expect(err({ op: 'freeze', expect: { errno: 'EBUSY' } })).toBe(
      'steps[0].expect: missing required key "ok"',
    );
    expect(err({ op: 'freeze', expect: { ok: false, erno: 'EBUSY' } })).toBe(
      'steps[0].expect: unknown key "erno" (did you mean "errno"?)',
    );
    expect(err({ op: 'freeze', expect: { ok: false, errno: 'EBUZY' } })).toMatch(
      /unknown errno "EBUZY" \(did you mean "EBUSY"\?\)/,
    );
    expect(err({ op: 'freeze', expect: { ok: true, errno: 'EBUSY' } })).toMatch(
      /only makes sense with "ok": false/,
    );
    expect(err({ op: 'freeze', expect: { ok: false, status: 0 } })).toMatch(
      /only make sense with "ok": true/,
    );
    expect(err({ op: 'freeze', expect: { ok: 'yes' } })).toMatch(/"ok" must be true or false/);
    expect(err({ op: 'freeze', expect: [] })).toMatch(
      /^steps\[0\]\.expect: must be an object, got an array/,
    );
  });
});
