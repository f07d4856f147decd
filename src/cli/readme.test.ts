/**
 * Every shell command the README shows runs as written from the clone's root, with the exit
 * code the README gives it (0 unless its comment says "exits 1"). The quick start's commands
 * are the exception: they build and serve the app or run this very suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const QUICK_START = ['npm install && npm start', 'npm test'];
/** What the commands write into the clone (ignored by git); removed after, unless already there. */
const OUTPUTS = ['images', 'mine', 'here.json', 'large.json', 'report.json'];

/** The command lines of every ```sh block, in order, indented blocks (in lists) included. */
function readmeCommands(): string[] {
  const lines = readFileSync(join(repo, 'README.md'), 'utf8').split('\n');
  const out: string[] = [];
  let inSh = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      inSh = !inSh && line === '```sh';
      continue;
    }
    if (inSh && line !== '' && !line.startsWith('#')) out.push(line);
  }
  return out;
}

/** `cmd   # comment` -> the command without its comment (for matching the quick start). */
const bare = (line: string) => line.replace(/\s+#.*$/, '');

describe('the README', () => {
  const commands = readmeCommands();

  it('shows the two quick-start commands, then CLI commands', () => {
    expect(commands.slice(0, 2).map(bare)).toEqual(QUICK_START);
    expect(commands.length).toBeGreaterThan(10);
    // Nothing outside the project: no team documents, no sibling folders.
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).not.toMatch(/CONTRACTS|\.\.\/shared/);
  });

  it('every other command runs as written from the clone root', () => {
    const before = new Set(OUTPUTS.filter((f) => existsSync(join(repo, f))));
    try {
      for (const line of commands.slice(2)) {
        // stdout is not kept: a 50,000-task report is megabytes.
        const r = spawnSync('bash', ['-c', line], {
          cwd: repo,
          encoding: 'utf8',
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const want = /#.*\bexits 1\b/.test(line) ? 1 : 0;
        expect({ line, status: r.status, internal: /internal error/.test(r.stderr) }).toEqual({
          line,
          status: want,
          internal: false,
        });
      }
    } finally {
      for (const f of OUTPUTS) {
        if (!before.has(f)) rmSync(join(repo, f), { recursive: true, force: true });
      }
    }
  }, 240_000);
});
