import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function crviz(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('crviz process', () => {
  it('prints the help and exits 0', () => {
    const r = crviz('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('run SCENARIO.json');
    expect(r.stderr).toBe('');
  }, 30_000);

  it('exits 2 with one line and no stack trace for a missing file', () => {
    const r = crviz('run', 'does-not-exist.json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('does-not-exist.json: no such file\n');
  }, 30_000);
});

describe('the crviz bin (npx crviz)', () => {
  const bin = (cmd: string, ...args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints the version from package.json', () => {
    expect(bin('node', 'bin/crviz.js', '--version')).toEqual({
      status: 0,
      stdout: `crviz ${version}\n`,
      stderr: '',
    });
  }, 30_000);

  it('runs an example through npx, as the README shows', () => {
    const r = bin('npx', 'crviz', 'run', 'examples/three-zombies.json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'crviz-report/1', ok: true });
  }, 60_000);

  it('keeps the exit code of a failure', () => {
    const r = bin('npx', 'crviz', 'explore', 'examples/v17-leak.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('examples/v17-leak.json: an invariant is violated (see "violations")\n');
  }, 60_000);
});
