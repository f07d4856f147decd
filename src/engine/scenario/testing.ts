/** Helpers for engine tests: scenarios from plain objects, run through the real parser. */
import { parseScenario } from './parse';
import { runScenario } from './runner';
import type { RunResult } from './outcome';
import type { Scenario } from './types';
import { containerView } from '../kernel/view';
import type { World } from '../kernel/types';
import type { RestartRun } from '../restart/restart';
import { restartView } from '../restart/view';
import type { WorldSnapshot } from '../snapshot';

export function scenario(obj: Record<string, unknown>): Scenario {
  const r = parseScenario(
    JSON.stringify({ format: 'crviz-scenario/1', name: 'test', ...obj }),
    'test.json',
  );
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

export function run(obj: Record<string, unknown>, variant?: Scenario['variant']): RunResult {
  const r = runScenario(scenario(obj), { variant, baseDir: '.', readFile: () => null });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r;
}

/** The image bytes of a run as text, for checking error records. */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Freeze, checkpoint to image `a`, destroy: what comes before a restart from `a`. */
export const CHECKPOINT_STEPS = [
  { op: 'freeze' },
  { op: 'checkpoint', image: 'a' },
  { op: 'destroy' },
] as const;

/** Checkpoint to image `a`, destroy and restart from it. */
export const CHECKPOINT_RESTART_STEPS = [
  ...CHECKPOINT_STEPS,
  { op: 'restart', image: 'a' },
] as const;

/** A zombie in the middle of the pids array, checkpointed and restarted (the explorer's tests). */
export const ZOMBIE_MID_TREE = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'server' },
    { pid: 3, ppid: 2, comm: 'worker', state: 'zombie', exit_code: 768 },
    { pid: 4, ppid: 2, comm: 'logger' },
  ],
  steps: [...CHECKPOINT_RESTART_STEPS],
});

export const TREE_1_2_3 = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh' },
  { pid: 3, ppid: 2, comm: 'sleep' },
];

/** A task's keys in the order CONTRACTS.md section 3 lists them (reports are byte-stable). */
export const TASK_VIEW_KEYS = [
  'pid',
  'tgid',
  'ppid',
  'pgid',
  'sid',
  'comm',
  'state',
  'exit_code',
  'exit_signal',
  'pdeath_signal',
  'frozen',
  'traced',
];

/**
 * The whole world as a snapshot, built from scratch: what the timeline must rebuild from its
 * changes at every frame (the oracle of the timeline tests).
 */
export function snapshotOf(world: World, restart: RestartRun | null): WorldSnapshot {
  return {
    current: world.current,
    containers: world.containers.map((c) => ({
      ...containerView(c),
      freezer: c.freezer,
      root: c.root,
    })),
    images: [...world.images.keys()],
    restart: restart ? restartView(restart.s) : null,
  };
}
