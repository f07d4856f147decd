import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { toReport } from './report';
import { runScenario } from './runner';

/** The shared examples sit beside the repository (../shared/examples), as in CI. */
const dir = fileURLToPath(new URL('../../../../shared/examples/', import.meta.url));
let files: string[] = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}

describe('the shared examples', () => {
  it('are present beside the repository', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s meets every expectation under crviz run', (file) => {
    const parsed = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.scenario.name).toBe(file.replace(/\.json$/, ''));
    const run = runScenario(parsed.scenario, {
      baseDir: dirname(join(dir, file)),
      readFile: () => null,
    });
    if ('unsupported' in run) throw new Error(run.unsupported);
    const failed = run.steps
      .filter((s) => s.expect_failed)
      .map((s) => `steps[${s.index}] ${s.op}: ${s.errno ?? 'ok'} ${s.message ?? ''}`);
    expect(failed).toEqual([]);
    const again = runScenario(parsed.scenario, { baseDir: dir, readFile: () => null });
    if ('unsupported' in again) throw new Error(again.unsupported);
    // Deterministic: the same scenario gives a byte-identical report.
    expect(JSON.stringify(toReport(again, { trace: true }))).toBe(
      JSON.stringify(toReport(run, { trace: true })),
    );
  });
});
