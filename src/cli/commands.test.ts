import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import { cli } from './cli';
import { fakeDeps, fakeRun, text } from './test-fakes';
import type { RunScenarioFn } from './types';

const SCENARIO = JSON.stringify({
  format: 'crviz-scenario/1',
  steps: [{ op: 'freeze' }, { op: 'checkpoint', image: 'a' }],
});

const passing: RunScenarioFn = (s) =>
  fakeRun(
    s,
    [
      { index: 0, op: 'freeze', ok: true, fields: {} },
      { index: 1, op: 'checkpoint', ok: true, fields: { image: 'a', bytes: 3, tasks: 1 } },
    ],
    [['a', new Uint8Array([1, 2, 3])]],
  );

const failing: RunScenarioFn = (s) =>
  fakeRun(s, [
    { index: 0, op: 'freeze', ok: true, fields: {} },
    {
      index: 1,
      op: 'checkpoint',
      ok: false,
      errno: 'EBUSY',
      code: -16,
      message: 'busy',
      expect_failed: true,
      fields: {},
    },
  ]);

describe('crviz run', () => {
  it('prints the report and exits 0', async () => {
    const seen: unknown[] = [];
    const runner: RunScenarioFn = (s, o) => (seen.push(o.variant, o.baseDir), passing(s, o));
    const deps = fakeDeps({ 'dir/s.json': SCENARIO }, { runner });
    const r = await cli(['run', 'dir/s.json', '--variant', 'v17'], deps);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ format: 'crviz-report/1', scenario: 's', ok: true });
    expect(report.trace).toBeUndefined();
    expect(seen).toEqual(['v17', 'dir']);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('runs the scenario of a crviz-lesson/1 file, and refuses a broken lesson in one line', async () => {
    const scenario = JSON.parse(SCENARIO) as Record<string, unknown>;
    const lesson = (captions: unknown) =>
      JSON.stringify({ format: 'crviz-lesson/1', title: 'L', scenario, captions });
    const files = {
      'l.json': lesson([{ at: { step: 1 }, text: 'Saved.' }]),
      'bad.json': lesson([{ at: { step: 2 }, text: 'Gone.' }]),
    };
    const ok = await cli(['run', 'l.json'], fakeDeps(files, { runner: passing }));
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ scenario: 'l', ok: true });
    const bad = await cli(['run', 'bad.json'], fakeDeps(files, { runner: passing }));
    expect([bad.exitCode, bad.stderr]).toEqual([
      2,
      'bad.json: captions[0].at: "step" must be an integer from 0 to 1, got 2\n',
    ]);
  });

  it('adds the trace and writes images with --out', async () => {
    const deps = fakeDeps({ 's.json': SCENARIO }, { runner: passing });
    const r = await cli(['run', 's.json', '--trace', '--out', 'imgs/'], deps);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).trace).toHaveLength(1);
    expect(deps.fs.dirs).toEqual(['imgs/']);
    expect([...(deps.fs.files.get('imgs/a.ckpt') ?? [])]).toEqual([1, 2, 3]);
  });

  it('exits 2 when --out cannot be created, still printing the report', async () => {
    const r = await cli(
      ['run', 's.json', '--out', '/readonly/x'],
      fakeDeps({ 's.json': SCENARIO }, { runner: passing }),
    );
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('crviz-report/1');
    expect(r.stderr).toBe('/readonly/x: cannot create directory: permission denied\n');
  });

  it('exits 1 when an expectation failed, naming the step', async () => {
    const r = await cli(['run', 's.json'], fakeDeps({ 's.json': SCENARIO }, { runner: failing }));
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    expect(r.stderr).toBe('s.json: 1 step did not meet its expectation: steps[1] checkpoint\n');
  });

  it('exits 2 with one line for unusable input', async () => {
    const cases: [string[], Record<string, string | Uint8Array>, string][] = [
      [['run', 'missing.json'], {}, 'missing.json: no such file\n'],
      [
        ['run', 'bad.json'],
        { 'bad.json': '{"format":' },
        'bad.json: invalid JSON at line 1, column 11: unexpected end of input, expected a value\n',
      ],
      [
        ['run', 'typo.json'],
        { 'typo.json': '{"format":"crviz-scenario/1","steps":[{"op":"fork","pidd":2}]}' },
        'typo.json: steps[0]: unknown key "pidd" (did you mean "pid"?)\n',
      ],
      [
        ['run', 'bin.json'],
        { 'bin.json': new Uint8Array([0xff, 0xfe, 0x00]) },
        'bin.json: not valid UTF-8 text\n',
      ],
      [
        ['run', 's.json', '--variant', 'x'],
        { 's.json': SCENARIO },
        'crviz run: --variant must be one of v18-28, v17, naive, v19, v18-73, got "x"\n',
      ],
    ];
    for (const [argv, files, stderr] of cases) {
      const r = await cli(argv, fakeDeps(files, { runner: passing }));
      expect({ argv, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({
        argv,
        exitCode: 2,
        stdout: '',
        stderr,
      });
    }
  });

  it('exits 2 when the runner declines or is missing', async () => {
    const declines: RunScenarioFn = () => ({ unsupported: 'ptrace of a thread is not modelled' });
    let r = await cli(['run', 's.json'], fakeDeps({ 's.json': SCENARIO }, { runner: declines }));
    expect([r.exitCode, r.stderr]).toEqual([2, 's.json: ptrace of a thread is not modelled\n']);
    r = await cli(['run', 's.json'], fakeDeps({ 's.json': SCENARIO }));
    expect([r.exitCode, r.stderr]).toEqual([
      2,
      'crviz: the scenario runner is not available: no runner in this test\n',
    ]);
  });

  it('turns an engine crash into one line, exit 2', async () => {
    const crashes: RunScenarioFn = () => {
      throw new Error('boom\n    at somewhere');
    };
    const r = await cli(['run', 's.json'], fakeDeps({ 's.json': SCENARIO }, { runner: crashes }));
    expect([r.exitCode, r.stderr]).toEqual([2, 'crviz: internal error: boom\n']);
  });
});

describe('crviz explore', () => {
  it('prints the result; exit 1 on a violation, 0 otherwise', async () => {
    const seen: unknown[] = [];
    for (const violated of [false, true]) {
      const deps = fakeDeps(
        { 's.json': SCENARIO },
        {
          explorer: (_s: Scenario, o) => (
            seen.push(o.maxStates),
            { json: { format: 'crviz-explore/1' }, violated }
          ),
        },
      );
      const r = await cli(['explore', 's.json', '--max-states', '5'], deps);
      expect(JSON.parse(r.stdout)).toEqual({ format: 'crviz-explore/1' });
      expect(r.exitCode).toBe(violated ? 1 : 0);
    }
    expect(seen).toEqual([5, 5]);
  });

  it('exits 2 when the scenario cannot be explored', async () => {
    const deps = fakeDeps(
      { 's.json': SCENARIO },
      { explorer: () => ({ unsupported: 'no restart step' }) },
    );
    const r = await cli(['explore', 's.json'], deps);
    expect([r.exitCode, r.stderr]).toEqual([2, 's.json: no restart step\n']);
  });
});

describe('crviz inspect, snapshot, import, help', () => {
  it('hands the bytes to the inspector and passes its result through', async () => {
    const deps = fakeDeps(
      { 'a.ckpt': new Uint8Array([9]) },
      { inspector: (b, f, j) => ({ stdout: `${b[0]} ${f} ${j}\n`, stderr: 'e\n', exitCode: 1 }) },
    );
    expect(await cli(['inspect', 'a.ckpt', '--json'], deps)).toEqual({
      stdout: '9 a.ckpt true\n',
      stderr: 'e\n',
      exitCode: 1,
    });
    expect(await cli(['inspect', 'b.ckpt'], deps)).toEqual({
      stdout: '',
      stderr: 'b.ckpt: no such file\n',
      exitCode: 2,
    });
  });

  it('refuses snapshot without a /proc reader and import of a missing file', async () => {
    const r = await cli(['snapshot'], fakeDeps({}));
    expect(r.exitCode).toBe(2);
    const r2 = await cli(['import', 'f'], fakeDeps({}));
    expect([r2.exitCode, r2.stderr]).toEqual([2, 'f: no such file\n']);
  });

  it('lists every command and option in the help', async () => {
    const r = await cli(['--help'], fakeDeps({}));
    expect(r.exitCode).toBe(0);
    for (const w of [
      'run',
      'explore',
      'inspect',
      'snapshot',
      'import',
      '--variant',
      '--out',
      '--trace',
      '--max-states',
      '--json',
      '--proc',
      '--root',
    ]) {
      expect(r.stdout).toContain(w);
    }
  });

  it('keeps text files as given', () => {
    expect(text('é').length).toBe(2);
  });
});
