import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/parse';
import { cli } from './cli';
import { nodeDeps } from './node-deps';
import { fakeDeps } from './test-fakes';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SNAKE = 'src/engine/import/fixtures/bundle-snake.json';

describe('crviz import (command function)', () => {
  it('prints the scenario, a count and the notes as note: lines', async () => {
    const deps = fakeDeps({ 'b/tree.json': readFileSync(resolve(repo, SNAKE), 'utf8') });
    const r = await cli(['import', 'b/tree.json'], deps);
    expect(r.exitCode).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.tree.length).toBe(7);
    expect(r.stderr).toMatch(/^7 tasks, \d+ notes\n(note: pid \d+ \(.*\): .*\n)+$/);
  });

  it('exits 2 naming the file for bad JSON, bad UTF-8 and a bad tree', async () => {
    const deps = fakeDeps({
      'bad.json': '{',
      'bin.json': new Uint8Array([0xff, 0xfe, 0x00]),
      'two.json': JSON.stringify({ format: 'criu-tree/1', pstree: { entries: [] }, cores: {} }),
    });
    const lines = await Promise.all(
      ['bad.json', 'bin.json', 'two.json'].map(async (f) => {
        const r = await cli(['import', f], deps);
        expect([r.exitCode, r.stdout]).toEqual([2, '']);
        return r.stderr;
      }),
    );
    expect(lines).toEqual([
      'bad.json: invalid JSON at line 1, column 2: unexpected end of input, expected a double-quoted key\n',
      'bin.json: not valid UTF-8 text\n',
      'two.json: pstree: "entries" must be a non-empty array, got an empty one\n',
    ]);
  });
});

describe('crviz import (process)', () => {
  it('converts the Go-style fixture', () => {
    const file = 'src/engine/import/fixtures/bundle-camel.json';
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'import', file], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.name).toBe('web-stack-go');
  }, 30_000);
});

describe('crviz import of real CRIU dumps', () => {
  const real = 'src/engine/import/criu/fixtures/real-tree';
  const run = (path: string) =>
    cli(['import', resolve(repo, path)], { ...nodeDeps, proc: undefined });

  it('reads an images directory and the same dump as .tar.gz to the same tree', async () => {
    const dir = await run(`${real}/images`);
    const tgz = await run(`${real}/dump.tar.gz`);
    expect([dir.exitCode, tgz.exitCode]).toEqual([0, 0]);
    const tree = (out: string) => {
      const p = parseScenario(out, 'out');
      return p.ok ? p.scenario.tree : [];
    };
    expect(tree(tgz.stdout)).toEqual(tree(dir.stdout));
    expect(tree(dir.stdout)).toHaveLength(20);
    expect(dir.stderr).toMatch(/^20 tasks, \d+ notes\n/);
    expect(dir.stderr).toMatch(
      /\nnote: pid \d+ \(z-exit200\): CRIU 4\.1\.1 restores it as exited 72/,
    );
    expect(
      dir.stderr
        .split('\n')
        .slice(1, -1)
        .every((l) => l.startsWith('note: ')),
    ).toBe(true);
  });

  it("imports crit's own decode output without hand fixes", async () => {
    const r = await run(`${real}/crit-decode.json`);
    expect(r.exitCode).toBe(0);
    const p = parseScenario(r.stdout, 'out');
    expect(p.ok && p.scenario.tree.find((e) => e.comm.endsWith('\udce2'))?.comm).toBe(
      'héllo wörld \udce2',
    );
  });

  it('exits 2 with one line for a directory that is not a dump', async () => {
    const r = await run('src/engine/import/fixtures');
    expect([r.exitCode, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/fixtures: no pstree\.img, so not a CRIU images directory\n$/);
  });
});
