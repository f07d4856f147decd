import type { EngineLog } from '../events';
import { beginRestart, type RestartRun } from '../restart/restart';
import type { Scenario, Schedule, Variant } from '../scenario/types';
import { prepareRestart } from '../scenario/runner';
import { exploreRestartSteps } from './plain';
import { exploreRestartReducedSteps } from './reduced';
import type { ExploreOptions, ExploreResult, ExploreWalk, Limit } from './result';
import { drive, type ExploreTick } from './tick';
import { randomWalksSteps } from './walks';

/*
 * The explorer's entry: a scenario's first restart prepared, then searched plainly (plain.ts),
 * under partial-order reduction (reduced.ts, dpor.ts) or by random walks (walks.ts).
 */
export type * from './result';
export { exploreRestart, exploreRestartSteps } from './plain';
export { exploreRestartReduced, exploreRestartReducedSteps } from './reduced';

/** How to start the scenario's first restart afresh, as often as the explorer needs. */
export function restartStarter(
  scenario: Scenario,
  opts: { variant?: Variant; baseDir?: string; readFile?: (path: string) => Uint8Array | null },
):
  | { start: (log: EngineLog | null, schedule?: Schedule) => RestartRun; variant: Variant }
  | { unsupported: string } {
  const prep = prepareRestart(scenario, {
    variant: opts.variant,
    baseDir: opts.baseDir ?? '.',
    readFile: opts.readFile ?? (() => null),
  });
  if ('unsupported' in prep) return prep;
  const start = (log: EngineLog | null, schedule?: Schedule) =>
    beginRestart(prep.freshWorld(), {
      imageName: prep.image,
      bytes: prep.bytes,
      variant: prep.variant,
      log,
      schedule,
    });
  return { start, variant: prep.variant };
}

type ScenarioExploreOptions = ExploreOptions & {
  baseDir?: string;
  readFile?: (path: string) => Uint8Array | null;
  /** The plain search with this walk (the merge oracles). */
  walk?: ExploreWalk;
};

type ScenarioExplored =
  { json: ExploreResult; violated: boolean; limit?: Limit | null } | { unsupported: string };

/** `crviz explore`: prepare the world up to the first restart, then explore that restart. */
export function exploreScenario(
  scenario: Scenario,
  opts: ScenarioExploreOptions,
): ScenarioExplored {
  return drive(exploreScenarioSteps(scenario, opts), opts.onProgress);
}

/**
 * The same as a generator, for the worker, which runs it in slices so that messages (a cancel)
 * get in between: it yields a tick now and then; answering one with true cancels the search,
 * which then returns what it found so far (`cancelled`).
 */
export function* exploreScenarioSteps(
  scenario: Scenario,
  opts: Omit<ScenarioExploreOptions, 'onProgress'>,
): Generator<ExploreTick, ScenarioExplored, boolean | undefined> {
  const prep = restartStarter(scenario, opts);
  if ('unsupported' in prep) return prep;
  const maxStates = opts.maxStates ?? 1_000_000;
  const maxBytes = opts.maxMemoryMb === undefined ? undefined : opts.maxMemoryMb * 1e6;
  if (opts.walks) {
    const json = yield* randomWalksSteps(prep.start, prep.variant, {
      walks: opts.walks,
      seed: opts.seed ?? '0',
    });
    return { json, violated: json.violations.length > 0, limit: null };
  }
  const { result: json, limit } =
    opts.reduction === 'none' || opts.walk
      ? yield* exploreRestartSteps(prep.start, prep.variant, maxStates, {
          ...opts.walk,
          maxBytes,
        })
      : yield* exploreRestartReducedSteps(prep.start, prep.variant, maxStates, undefined, maxBytes);
  return { json, violated: json.violations.length > 0, limit };
}
