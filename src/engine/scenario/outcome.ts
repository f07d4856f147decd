import type { EngineEvent } from '../events';
import type { World } from '../kernel/types';
import type { Scenario, Variant } from './types';

/** What one scenario step did; becomes one entry of crviz-report/1 `steps`. */
export interface StepOutcome {
  index: number;
  op: string;
  ok: boolean;
  errno?: string;
  code?: number;
  message?: string;
  expect_failed?: boolean;
  /** Op-specific results, in report order: pid, child, status, image, bytes, tasks, container, order, events, ctx_refcount_end. */
  fields: Record<string, number | string | boolean | number[]>;
}

/** The result of running a whole scenario: the input of crviz-report/1. */
export interface RunResult {
  scenario: Scenario;
  variant: Variant;
  steps: StepOutcome[];
  world: World;
  /** Every engine event, for --trace. */
  events: EngineEvent[];
}
