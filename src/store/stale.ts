import type { Scenario, Variant } from '../engine/scenario/types';
import type { DebuggerState } from './types';

/**
 * Results that no longer answer the question on screen: the trace and the explorer's findings
 * were made under one restart variant, and the Variant picked since is another.
 */

/** The variant restart step `i` of `scenario` runs under (its own, else the scenario's). */
function restartVariant(scenario: Scenario, i: number): Variant | null {
  const step = scenario.steps[i];
  return step?.op === 'restart' ? (step.variant ?? scenario.variant) : null;
}

/**
 * The variant the trace's restart ran under when the Variant picked since is another (the
 * trace is stale), else null. Before any restart nothing is stale: the pick applies to the next.
 */
export function selectStaleTraceVariant(s: DebuggerState): Variant | null {
  const chosen = s.params.variant;
  const scenario = s.recording?.scenario;
  if (!chosen || !scenario) return null;
  for (let i = 0; i < scenario.steps.length; i++) {
    const ran = restartVariant(scenario, i);
    if (ran && ran !== chosen) return ran;
  }
  return null;
}

/** The variant the explorer's findings are for when the Variant picked since is another. */
export function selectStaleFindingsVariant(s: DebuggerState): Variant | null {
  const found = s.exploreResult?.variant;
  const chosen = s.params.variant ?? s.recording?.scenario.variant ?? null;
  return found && chosen && found !== chosen ? found : null;
}

/** `scenario` with every restart step run under `variant` (a re-run of the trace). */
export function withRestartVariant(
  scenario: Scenario,
  variant: Variant,
): { scenario: Scenario; firstRestart: number } | null {
  const firstRestart = scenario.steps.findIndex((s) => s.op === 'restart');
  if (firstRestart < 0) return null;
  const steps = scenario.steps.map((s) => (s.op === 'restart' ? { ...s, variant } : s));
  return { scenario: { ...scenario, steps }, firstRestart };
}
