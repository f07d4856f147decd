import { describe, expect, it } from 'vitest';
import { writeErrorImage } from '../engine/image/writer';
import { exploreScenario } from '../engine/explore/explore';
import { cli } from './cli';
import { HELP_TEXT } from './help';
import { inspectCommand } from './inspect';
import { fakeDeps } from './test-fakes';
import { CHECKPOINT_RESTART_STEPS } from '../engine/scenario/testing';

const F = '"format":"crviz-scenario/1","name":"x"';

async function stderrOf(text: string, ...extra: string[]): Promise<string> {
  const r = await cli(['run', 'f.json', ...extra], fakeDeps({ 'f.json': text }));
  expect(r.exitCode).toBe(2);
  return r.stderr;
}

/** One line, no raw control character in it. */
function expectOneLine(stderr: string) {
  expect(stderr.endsWith('\n')).toBe(true);
  // eslint-disable-next-line no-control-regex -- a raw control character is what must not appear
  expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f]/);
}

describe('messages are one line and name the problem', () => {
  it.each([
    [
      'key',
      `{${F},"steps":[],"bad\\u001b[31m\\nkey\\r":1}`,
      'unknown key "bad\\u001b[31m\\nkey\\r"',
    ],
    ['op', `{${F},"steps":[{"op":"fo\\u001bo\\nrk"}]}`, 'unknown op "fo\\u001bo\\nrk"'],
    [
      'errno',
      `{${F},"steps":[{"op":"freeze","expect":{"ok":false,"errno":"E\\u001b\\r"}}]}`,
      'unknown errno "E\\u001b\\r"',
    ],
  ])('an unknown %s with a newline, CR or ESC is shown escaped', async (_what, text, shown) => {
    const e = await stderrOf(text);
    expectOneLine(e);
    expect(e).toContain(shown);
  });

  it('a huge unknown key is cut, with its length said', async () => {
    const e = await stderrOf(`{${F},"steps":[],"${'k'.repeat(1_000_000)}":1}`);
    expectOneLine(e);
    expect(e).toContain('…" (1,000,000 characters)');
    expect(e.length).toBeLessThan(300);
  });

  it('JSON nested 100,000 deep names the file and where it breaks', async () => {
    const e = await stderrOf(`{${F},"steps":${'['.repeat(100_000)}x`);
    expect(e).toBe(
      'f.json: invalid JSON at line 1, column 100049: unexpected "x", expected a value\n',
    );
  });

  it('a pid of 1e400 is called too large, not "null"', async () => {
    const e = await stderrOf(`{${F},"tree":[{"pid":1e400,"ppid":0}],"steps":[]}`);
    expect(e).toBe(
      'f.json: tree[0]: "pid" must be a positive integer, got a number too large to represent\n',
    );
  });

  it('a refused image whose message holds a newline and ESC is inspected in one line', () => {
    const r = inspectCommand(writeErrorImage('bad\n\u001b[31mred'), 'x.ckpt', false);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('bad \\u001b[31mred');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('explore stopped by --max-states says on stderr that the search is incomplete', async () => {
    const text = JSON.stringify({
      format: 'crviz-scenario/1',
      name: 'z',
      tree: [
        { pid: 1, ppid: 0 },
        { pid: 2, ppid: 1 },
        { pid: 3, ppid: 2, state: 'zombie', exit_code: 256 },
        { pid: 4, ppid: 1 },
      ],
      steps: [...CHECKPOINT_RESTART_STEPS],
    });
    const deps = fakeDeps({ 'z.json': text }, { explorer: exploreScenario });
    const r = await cli(['explore', 'z.json', '--variant', 'v19', '--max-states', '2'], deps);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ complete: false });
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/^z\.json: .*--max-states 2 .*incomplete\n$/);
    const walks = await cli(['explore', 'z.json', '--variant', 'v19', '--walks', '3'], deps);
    expect(walks.stderr).toBe(
      'z.json: no invariant violated in the states explored, but 3 random walks sample the schedules and do not exhaust them\n',
    );
    const full = await cli(['explore', 'z.json', '--variant', 'v19'], deps);
    expect(full.stderr).toBe('');
    // The memory budget stops the plain search, whose seen states grow, and says so.
    const args = ['explore', 'z.json', '--variant', 'v18-28', '--no-reduction'];
    const budget = await cli([...args, '--max-memory', '1'], deps);
    expect(JSON.parse(budget.stdout)).toMatchObject({ complete: false });
    expectOneLine(budget.stderr);
    expect(budget.stderr).toMatch(/^z\.json: .*stopped at --max-memory 1 MB .*incomplete\n$/);
    const roomy = await cli([...args, '--max-memory', '1000'], deps);
    expect(JSON.parse(roomy.stdout)).toMatchObject({ complete: true });
  });

  it("the help says that --variant overrides a restart step's own variant", () => {
    expect(HELP_TEXT).toMatch(/overrides the\s+scenario's and each restart step's own variant/);
  });
});
