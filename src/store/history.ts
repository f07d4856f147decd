import type { EditHistory, HistoryEntry } from './types';

/** How many edits can be undone; older ones are forgotten. */
export const HISTORY_DEPTH = 100;

export const NO_HISTORY: EditHistory = { past: [], future: [] };

/** After an edit: what it left behind can be undone, and nothing is left to redo. */
export function afterEdit(h: EditHistory, before: HistoryEntry): EditHistory {
  return { past: [...h.past, before].slice(-HISTORY_DEPTH), future: [] };
}

/**
 * Undo: the newest past entry is what to show again, and `current` (labelled with the edit
 * being undone) becomes the next redo. Null when there is nothing to undo.
 */
export function undoFrom(
  h: EditHistory,
  current: Omit<HistoryEntry, 'label'>,
): { show: HistoryEntry; history: EditHistory } | null {
  const show = h.past.at(-1);
  if (!show) return null;
  return {
    show,
    history: {
      past: h.past.slice(0, -1),
      future: [...h.future, { ...current, label: show.label }],
    },
  };
}

/** Redo: the next future entry is shown again and `current` can be undone once more. */
export function redoFrom(
  h: EditHistory,
  current: Omit<HistoryEntry, 'label'>,
): { show: HistoryEntry; history: EditHistory } | null {
  const show = h.future.at(-1);
  if (!show) return null;
  return {
    show,
    history: {
      past: [...h.past, { ...current, label: show.label }],
      future: h.future.slice(0, -1),
    },
  };
}
