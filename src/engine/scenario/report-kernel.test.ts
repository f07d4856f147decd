import { describe, expect, it } from 'vitest';
import { buildContainer } from '../kernel/build';
import { createWorld } from '../kernel/world';
import { parseScenario } from './parse';
import { reportToJson, toReport } from './report';
import { TASK_VIEW_KEYS } from './testing';

// The same report, this time through the real kernel container view: a parsed tree, built.
describe('toReport with the kernel view', () => {
  it('lists the built tree by pid with the contract task keys', () => {
    const parsed = parseScenario(
      JSON.stringify({
        format: 'crviz-scenario/1',
        tree: [
          { pid: 1, ppid: 0 },
          { pid: 2, ppid: 1, comm: 'parent' },
          { pid: 3, ppid: 2, comm: 'kid', state: 'zombie', exit_code: 13056 },
        ],
        steps: [],
      }),
      'k.json',
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const world = createWorld();
    const built = buildContainer(world, parsed.scenario.tree);
    expect(built.ok).toBe(true);
    const run = {
      scenario: parsed.scenario,
      variant: 'v18-28' as const,
      steps: [],
      world,
      events: [],
    };
    const report = toReport(run, { trace: false });
    const tasks = report.containers.at(-1)?.tasks ?? [];
    expect(tasks.map((t) => [t.pid, t.ppid, t.comm, t.state, t.exit_code])).toEqual([
      [1, 0, 'init', 'running', 0],
      [2, 1, 'parent', 'running', 0],
      [3, 2, 'kid', 'zombie', 13056],
    ]);
    expect(Object.keys(tasks[0])).toEqual(TASK_VIEW_KEYS);
    expect(reportToJson(report)).toBe(reportToJson(toReport(run, { trace: false })));
  });
});
