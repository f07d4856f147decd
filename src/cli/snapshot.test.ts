import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memReader, procFiles, statLine } from '../engine/import/fixtures/fake-proc';
import { TASKS } from '../engine/import/fixtures/proc-tree';
import { parseScenario } from '../engine/scenario/parse';
import { cli } from './cli';
import { nodeDeps } from './node-deps';
import { fakeDeps } from './test-fakes';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = 'src/engine/import/fixtures/proc-copy';

function withProc(files = procFiles(TASKS)) {
  return { ...fakeDeps({}), proc: { reader: memReader(files), uid: 1000 } };
}

describe('crviz snapshot (command function)', () => {
  it('prints a scenario that parses, a count and one note: line per note on stderr', async () => {
    const r = await cli(['snapshot', '--root', '20'], withProc());
    expect(r.exitCode).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.tree.map((e) => e.pid)).toEqual([
      20, 21, 22, 23, 24, 25, 30, 26, 27,
    ]);
    expect(r.stderr).toMatch(/^9 tasks, \d+ notes\n(note: pid \d+ \(.*\): .*\n)+$/);
  });

  it('exits 2 with one line for a missing directory and a missing root', async () => {
    const r = await cli(['snapshot', '--proc', '/nowhere'], withProc());
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'crviz snapshot: /nowhere: no such directory (or not readable)\n',
    ]);
    const r2 = await cli(['snapshot', '--root', '4242'], withProc());
    expect([r2.exitCode, r2.stderr]).toEqual([
      2,
      'crviz snapshot: /proc: pid 4242 does not exist\n',
    ]);
  });

  it('exits 2 when the environment has no /proc reader', async () => {
    const r = await cli(['snapshot'], fakeDeps({}));
    expect(r.exitCode).toBe(2);
  });

  it('reads the on-disk fixture through the real file system', async () => {
    const r = await cli(['snapshot', '--proc', resolve(repo, FIXTURE)], nodeDeps);
    expect(r.exitCode).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.tree.find((e) => e.pid === 21)).toMatchObject({
      state: 'zombie',
      exit_code: 768,
    });
  });
});

describe('crviz snapshot (process)', () => {
  it('runs on the fixture copy of /proc', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'snapshot', '--proc', FIXTURE], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.tree.length).toBe(11);
  }, 30_000);

  it.skipIf(!existsSync('/proc/1/stat'))('reads this machine’s /proc with --root 1', async () => {
    const r = await cli(['snapshot', '--root', '1'], nodeDeps);
    expect(r.stderr).toMatch(/tasks/);
    expect(r.exitCode).toBe(0);
    const parsed = parseScenario(r.stdout, '/proc');
    expect(parsed.ok).toBe(true);
    // This very test runs under pid 1, so its own process must be in the tree.
    expect(parsed.ok && parsed.scenario.tree.some((e) => e.pid === process.pid)).toBe(true);
  });
});

describe('crviz snapshot on disk', () => {
  it("keeps a comm's bytes that are not UTF-8 (a character cut by the kernel)", async () => {
    const dir = mkdtempSync(`${tmpdir()}/crviz-proc-`);
    const line = statLine({ pid: 7, comm: 'héllo wörld X', state: 'S', ppid: 0, session: 7 });
    const bytes = Buffer.from(line.replace('X)', '\u0000)'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe2; // the first byte of "☃", all the kernel kept of it
    mkdirSync(`${dir}/7/task/7`, { recursive: true });
    for (const f of ['7/stat', '7/task/7/stat']) writeFileSync(`${dir}/${f}`, bytes);
    writeFileSync(`${dir}/7/status`, 'Name:\tx\nTgid:\t7\nPid:\t7\nUid:\t0\t0\t0\t0\n');
    const r = await cli(['snapshot', '--proc', dir, '--root', '7'], nodeDeps);
    expect(r.exitCode).toBe(0);
    const parsed = parseScenario(r.stdout, 'out');
    expect(parsed.ok && parsed.scenario.tree[0].comm).toBe('héllo wörld \udce2');
    expect(r.stdout).toContain('"comm": "héllo wörld \\udce2"');
  });

  describe('a copied /proc tree with hostile files', () => {
    function oneTask(): string {
      const dir = mkdtempSync(`${tmpdir()}/crviz-proc-`);
      mkdirSync(`${dir}/7/task/7`, { recursive: true });
      const line = statLine({ pid: 7, comm: 'x', state: 'S', ppid: 0, session: 7 });
      writeFileSync(`${dir}/7/stat`, line);
      writeFileSync(`${dir}/7/task/7/stat`, line);
      writeFileSync(`${dir}/7/status`, 'Name:\tx\nTgid:\t7\nPid:\t7\nUid:\t0\t0\t0\t0\n');
      return dir;
    }

    it('refuses a FIFO in one line instead of blocking on it', async () => {
      const dir = oneTask();
      rmSync(`${dir}/7/status`);
      execFileSync('mkfifo', [`${dir}/7/status`]);
      const r = await cli(['snapshot', '--proc', dir, '--root', '7'], nodeDeps);
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([
        2,
        '',
        `crviz snapshot: ${dir}/7/status: not a regular file (a FIFO)\n`,
      ]);
    });

    it('refuses a stat file larger than any /proc file without reading it all', async () => {
      const dir = oneTask();
      writeFileSync(`${dir}/7/stat`, Buffer.alloc(2 * 1024 * 1024, 0x20));
      const r = await cli(['snapshot', '--proc', dir, '--root', '7'], nodeDeps);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(
        `crviz snapshot: ${dir}/7/stat: too large (2,097,152 bytes): no /proc file is over 1 MiB\n`,
      );
    });
  });
});
