/**
 * What the CLI prints matches the published schemas: crviz-report/1 for `run` (with --trace),
 * crviz-image/1 for `inspect --json` of every image the examples write (valid or refused) and of
 * a damaged one, crviz-explore/1 for `explore`. Each schema also rejects a broken document, so
 * the check cannot pass by accepting anything.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleFiles, lessonFiles } from '../engine/scenario/examples-on-disk';
import { compileSchema, errorsOf, type SchemaName } from '../schemas/schemas';
import { cli } from './cli';
import { nodeDeps } from './node-deps';

const out = mkdtempSync(join(tmpdir(), 'crviz-schemas-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function matches(name: SchemaName, doc: unknown): void {
  const validate = compileSchema(name);
  expect(validate(doc) ? 'valid' : errorsOf(validate)).toBe('valid');
}

async function json(argv: string[]): Promise<unknown> {
  const r = await cli(argv, nodeDeps);
  expect(r.exitCode, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout);
}

describe('the CLI output and its schemas', () => {
  // Lesson files run too: `run` and `explore` take a lesson's inline scenario.
  const files = [...exampleFiles(), ...lessonFiles()];
  it.each(files)('run --trace, inspect --json and explore of %s', async (file) => {
    const dir = join(out, file.replace(/\W/g, '_'));
    const report = await json(['run', join(EXAMPLES_DIR, file), '--trace', '--out', dir]);
    matches('crviz-report', report);
    for (const image of readdirSync(dir)) {
      matches('crviz-image', await json(['inspect', join(dir, image), '--json']));
    }
    const hasRestart = (report as { steps: { op: string }[] }).steps.some(
      (s) => s.op === 'restart',
    );
    if (hasRestart) {
      const ex = await json(['explore', join(EXAMPLES_DIR, file), '--max-states', '3000']);
      matches('crviz-explore', ex);
    }
  });

  it('inspect --json of a damaged image matches crviz-image/1, with its error', async () => {
    const path = join(out, 'damaged.ckpt');
    writeFileSync(path, new Uint8Array(40).fill(0x78));
    const doc = (await json(['inspect', path, '--json'])) as { ok: boolean };
    expect(doc.ok).toBe(false);
    matches('crviz-image', doc);
  });

  it('each schema rejects a document with a missing or wrong part', () => {
    const rejects = (name: SchemaName, doc: unknown) =>
      expect(compileSchema(name)(doc)).toBe(false);
    rejects('crviz-report', { format: 'crviz-report/1', ok: true });
    rejects('crviz-report', {
      format: 'crviz-report/1',
      scenario: 's',
      variant: 'v18-28',
      ok: false,
      steps: [{ index: 0, op: 'freeze', ok: false }],
      containers: [],
      images: {},
    });
    rejects('crviz-image', {
      format: 'crviz-image/1',
      ok: false,
      bytes: 0,
      records: [],
      tasks: [],
    });
    rejects('crviz-explore', {
      format: 'crviz-explore/1',
      variant: 'v17',
      states: 1,
      schedules: 1,
      complete: true,
      violations: [{ invariant: 'no-such-invariant', message: '', schedule: [], events: [] }],
    });
  });
});
