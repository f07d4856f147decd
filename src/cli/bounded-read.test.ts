import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../engine/limits';
import { cli } from './cli';
import { nodeDeps } from './node-deps';

const dir = mkdtempSync(join(tmpdir(), 'crviz-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
/** A sparse file one byte over a limit: costs no disk, and no memory unless it is read. */
function sparse(name: string, size: number): string {
  const p = join(dir, name);
  writeFileSync(p, '');
  truncateSync(p, size);
  return p;
}

function oneLine(r: { stderr: string; stdout: string; exitCode: number }) {
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd()).not.toMatch(/[\r\n]/);
}

describe('inputs are bounded before they are read', () => {
  it.each([
    ['inspect', '/dev/zero', 'a character device'],
    ['run', '/dev/zero', 'a character device'],
    ['import', '/dev/zero', 'a character device'],
    ['explore', '/dev/zero', 'a character device'],
    ['run', fifo, 'a FIFO'],
    ['inspect', fifo, 'a FIFO'],
    ['import', fifo, 'a FIFO'],
    ['inspect', dir, 'a directory'],
  ])('%s %s is refused at once: not a regular file', async (cmd, path, what) => {
    const r = await cli([cmd, path], nodeDeps);
    oneLine(r);
    expect(r.stderr).toBe(`${path}: not a regular file (${what})\n`);
  });

  it.each([
    ['inspect', 'image'],
    ['run', 'scenario'],
    ['import', 'bundle'],
  ] as const)('%s refuses a file over the %s limit, naming the limit', async (cmd, kind) => {
    const p = sparse(`big-${kind}`, INPUT_LIMITS[kind] + 1);
    const r = await cli([cmd, p], nodeDeps);
    oneLine(r);
    expect(r.stderr).toMatch(/: too large \([\d,]+ bytes\): .* may be at most \d+ MiB\n$/);
  });

  it('import refuses a checkpoint archive over the archive limit without reading it', async () => {
    const p = sparse('big.tar.gz', INPUT_LIMITS.archive + 1);
    const r = await cli(['import', p], nodeDeps);
    oneLine(r);
    expect(r.stderr).toBe(
      `${p}: too large (268,435,457 bytes): a CRIU archive may be at most 256 MiB\n`,
    );
  });

  it('import of a CRIU images folder refuses a FIFO or device among its images', async () => {
    const images = join(dir, 'images');
    mkdirSync(images);
    execFileSync('mkfifo', [join(images, 'pstree.img')]);
    const r = await cli(['import', images], nodeDeps);
    oneLine(r);
    expect(r.stderr).toMatch(/pstree\.img.*not a regular file/);
    rmSync(join(images, 'pstree.img'));
    symlinkSync('/dev/zero', join(images, 'pstree.img'));
    const z = await cli(['import', images], nodeDeps);
    oneLine(z);
    expect(z.stderr).toMatch(/pstree\.img.*not a regular file/);
  });

  it('a load_image of /dev/zero or a FIFO is refused with exit 2, not read', async () => {
    for (const path of ['/dev/zero', fifo]) {
      const scenario = join(dir, 'load.json');
      writeFileSync(
        scenario,
        JSON.stringify({
          format: 'crviz-scenario/1',
          name: 'load',
          steps: [{ op: 'load_image', image: 'a', path }],
        }),
      );
      const r = await cli(['run', scenario], nodeDeps);
      oneLine(r);
      expect(r.stderr).toMatch(new RegExp(`^${path}: not a regular file`));
    }
  });

  it('a missing load_image file is still the step failing with ENOENT', async () => {
    const scenario = join(dir, 'missing.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        format: 'crviz-scenario/1',
        name: 'missing',
        steps: [{ op: 'load_image', image: 'a', path: 'nope.ckpt', expect: { ok: false } }],
      }),
    );
    const r = await cli(['run', scenario], nodeDeps);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('ENOENT');
  });

  it('a million-task tree is refused in one line naming the task limit', async () => {
    const p = join(dir, 'million.json');
    const tree = ['{"pid":1,"ppid":0}'];
    for (let pid = 2; pid <= 1_000_000; pid++) tree.push(`{"pid":${pid},"ppid":1}`);
    const steps =
      '[{"op":"freeze"},{"op":"checkpoint","image":"a"},{"op":"destroy"},{"op":"restart","image":"a"}]';
    writeFileSync(
      p,
      `{"format":"crviz-scenario/1","name":"m","tree":[${tree.join(',')}],"steps":${steps}}`,
    );
    const r = await cli(['run', p], nodeDeps);
    oneLine(r);
    expect(r.stderr).toContain('the tree has 1,000,000 tasks, more than the 100,000');
  });

  it('reads a regular file within its limit', async () => {
    const p = join(dir, 's.json');
    writeFileSync(p, JSON.stringify({ format: 'crviz-scenario/1', name: 's', steps: [] }));
    const r = await cli(['run', p], nodeDeps);
    expect(r.exitCode).toBe(0);
  });
});
