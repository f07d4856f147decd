import type { FoundViolation } from '../../engine/explore/explore';
import type { Variant } from '../../engine/scenario/types';
import type { DebuggerState } from '../../store/types';
import type { ActionContext, ActionSpec } from './types';

/** The variant the explorer runs: the one chosen, else the scenario's. */
export function explorerVariant(state: DebuggerState): Variant {
  return state.params.variant ?? state.recording?.scenario.variant ?? 'v18-28';
}

/** The interleaving explorer and its counterexamples. */
export const explorerActions = {
  explore: {
    label: 'Explore interleavings',
    group: 'restart',
    help: 'Run every interleaving of the first restart and check the invariants in each state',
    enabledWhen: ({ state }) => {
      if (state.busy) return 'The engine is busy';
      if (!state.recording) return 'No scenario loaded yet';
      return state.recording.scenario.steps.some((s) => s.op === 'restart')
        ? true
        : 'Explore needs a restart step: Restart first';
    },
    perform: (ctx) => ctx.app.explore(explorerVariant(ctx.state)),
  },
  'open-counterexample': {
    label: 'Open counterexample',
    group: 'restart',
    help: 'Replay a violation the explorer found (the first one, unless you pick one) as a trace',
    enabledWhen: ({ state }) => {
      if (state.busy) return 'The engine is busy';
      return state.exploreResult?.violations.length ? true : 'No counterexample: explore first';
    },
    perform: (ctx: ActionContext, violation?: FoundViolation) => {
      const result = ctx.state.exploreResult;
      const v = violation ?? result?.violations[0];
      if (result && v) return ctx.app.openViolation(v, result.variant);
    },
  },
} satisfies Record<string, ActionSpec>;
