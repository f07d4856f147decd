import { selectStaleTraceVariant } from '../../store/stale';
import { notBusy } from './guards';
import type { ActionSpec, ActionState } from './types';

const canUndo = (ctx: ActionState) => {
  const b = notBusy(ctx);
  if (b !== true) return b;
  const last = ctx.state.history.past.at(-1);
  return last ? true : 'Nothing to undo: no scenario edit yet';
};

const canRedo = (ctx: ActionState) => {
  const b = notBusy(ctx);
  if (b !== true) return b;
  return ctx.state.history.future.length ? true : 'Nothing to redo';
};

/** Undo and redo of the scenario's edits, and running it again under the Variant picked. */
export const historyActions = {
  undo: {
    label: 'Undo',
    group: 'scenario',
    shortcut: 'Ctrl+z',
    help: 'Undo the last scenario edit (an action’s step, a schedule pick, Reset, a re-run)',
    enabledWhen: canUndo,
    perform: (ctx) => ctx.app.undo(),
  },
  redo: {
    label: 'Redo',
    group: 'scenario',
    shortcut: 'Ctrl+Shift+z',
    help: 'Redo the scenario edit that Undo took back',
    enabledWhen: canRedo,
    perform: (ctx) => ctx.app.redo(),
  },
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
