import { useEffect } from 'react';
import { useDebugger, useDebuggerState } from '../context';
import { loadTheme, resolveTheme, saveTheme, type SystemPreference } from './theme';
import type { DebuggerState, ThemeChoice } from '../../store/types';
import './tokens.css';

const selectTheme = (s: DebuggerState) => s.theme;

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more)';

function systemPreference(): SystemPreference {
  return { dark: matchMedia(DARK).matches, moreContrast: matchMedia(MORE_CONTRAST).matches };
}

/**
 * Puts the theme of `choice` on <html data-theme>. main.tsx calls it before the first render, so
 * the page is never drawn in the wrong colours while React starts; the hook keeps it true after.
 */
export function showTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = resolveTheme(choice, systemPreference());
}

/**
 * Shows the store's theme on <html data-theme>, following the system while the choice is
 * `system`. With `remember`, the choice starts as the one saved and is saved when it changes;
 * `initial` (an embed's theme=) wins over both.
 */
export function useTheme(remember: boolean, initial?: ThemeChoice): void {
  const { store } = useDebugger();
  const choice = useDebuggerState(selectTheme);
  useEffect(() => {
    store.getState().setTheme(initial ?? (remember ? loadTheme(localStorage) : 'system'));
    if (!remember) return;
    return store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) saveTheme(localStorage, s.theme);
    });
  }, [store, remember, initial]);
  useEffect(() => {
    const apply = () => showTheme(choice);
    apply();
    const queries = [matchMedia(DARK), matchMedia(MORE_CONTRAST)];
    queries.forEach((q) => q.addEventListener('change', apply));
    return () => queries.forEach((q) => q.removeEventListener('change', apply));
  }, [choice]);
}
