import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleFiles, readExample } from './examples-on-disk';
import { LARGE_SIZES, largeName, largeScenario } from './large-tree';
import { baseName, parseScenario } from './parse';
import { toReport } from './report';
import { runScenario } from './runner';
import type { Scenario } from './types';

const files = exampleFiles();

function run(s: Scenario, baseDir: string) {
  const r = runScenario(s, { baseDir, readFile: () => null });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r;
}

function unmet(s: Scenario, baseDir: string): string[] {
  return run(s, baseDir)
    .steps.filter((st) => st.expect_failed)
    .map((st) => `steps[${st.index}] ${st.op}: ${st.errno ?? 'ok'} ${st.message ?? ''}`);
}

describe('the examples in examples/', () => {
  it('are in the project: the teaching and kernel-engineer scenarios', () => {
    for (const name of [
      'three-zombies.json',
      'zombie-mid-tree.json',
      'core-dump-zombie.json',
      'bad-exit-code.json',
      'checkpoint-needs-freeze.json',
      'v17-leak.json',
      'naive-race.json',
      'dead-session-leader.json',
      'threads.json',
    ]) {
      expect(files).toContain(name);
    }
  });

  it.each(files)('%s parses, is named after its file and points at the schema', (file) => {
    const text = readExample(file);
    const parsed = parseScenario(text, file);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.scenario.name).toBe(baseName(file));
    const depth = file.split('/').length - 1;
    expect((JSON.parse(text) as { $schema?: string }).$schema).toBe(
      `${'../'.repeat(depth + 1)}schemas/crviz-scenario.schema.json`,
    );
  });

  it.each(files)('%s meets every expectation, deterministically', (file) => {
    const parsed = parseScenario(readExample(file), file);
    if (!parsed.ok) throw new Error(parsed.message);
    const baseDir = dirname(join(EXAMPLES_DIR, file));
    expect(unmet(parsed.scenario, baseDir)).toEqual([]);
    // The same scenario gives a byte-identical report, trace included.
    const report = () => JSON.stringify(toReport(run(parsed.scenario, baseDir), { trace: true }));
    expect(report()).toBe(report());
  });
});

describe('the generated large examples', () => {
  it.each(LARGE_SIZES)('%i tasks: checkpoint and restart every task', (n) => {
    const s = largeScenario(n);
    expect(s.name).toBe(largeName(n));
    // What the app and the CLI read is the JSON text, so the test goes through the parser too.
    const parsed = parseScenario(JSON.stringify(s), `${s.name}.json`);
    if (!parsed.ok) throw new Error(parsed.message);
    const r = run(parsed.scenario, '.');
    expect(r.steps.map((st) => [st.op, st.ok])).toEqual([
      ['freeze', true],
      ['checkpoint', true],
      ['destroy', true],
      ['restart', true],
    ]);
    expect((r.steps[3].fields.order as number[]).length).toBe(n);
  });

  it('are the same tree for the same size', () => {
    expect(JSON.stringify(largeScenario(300))).toBe(JSON.stringify(largeScenario(300)));
  });
});
