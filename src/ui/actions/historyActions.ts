import { selectStaleTraceVariant } from '../../store/stale';
import { notBusy } from './guards';
import type { ActionSpec } from './types';

/** Running the scenario again: under the Variant picked after the run. */
export const historyActions = {
  'rerun-variant': {
    label: 'Re-run',
    group: 'restart',
    help: 'Run the trace again with its restarts under the Variant picked now (it is stale)',
    enabledWhen: (ctx) => {
      const b = notBusy(ctx);
      if (b !== true) return b;
      return selectStaleTraceVariant(ctx.state)
        ? true
        : 'The trace already ran under the Variant picked';
    },
    perform: (ctx) => {
      const variant = ctx.state.params.variant;
      if (variant) return ctx.app.rerunWithVariant(variant);
    },
  },
} satisfies Record<string, ActionSpec>;
