import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
