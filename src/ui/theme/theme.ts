import type { ThemeChoice } from '../../store/types';

/** A theme the page can show (what `system` resolves to). */
export type Theme = Exclude<ThemeChoice, 'system'>;

/** The choices in the order the theme switch cycles through them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'high-contrast'];

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** Where the choice is remembered (the main page only; embeds take theme= from their URL). */
export const THEME_KEY = 'crviz.theme.v1';

export function isThemeChoice(v: unknown): v is ThemeChoice {
  return typeof v === 'string' && (THEME_CHOICES as readonly string[]).includes(v);
}

/** What the system asks for, as the two media queries answer. */
export interface SystemPreference {
  dark: boolean;
  moreContrast: boolean;
}

/** The theme shown: the choice, or for `system` high contrast first, then light or dark. */
export function resolveTheme(choice: ThemeChoice, pref: SystemPreference): Theme {
  if (choice !== 'system') return choice;
  if (pref.moreContrast) return 'high-contrast';
  return pref.dark ? 'dark' : 'light';
}

/** The choice after `choice` in the switch's cycle. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length];
}

/** The remembered choice; anything unreadable is `system`. */
export function loadTheme(storage: Storage): ThemeChoice {
  try {
    const v = storage.getItem(THEME_KEY);
    return isThemeChoice(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

export function saveTheme(storage: Storage, choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage.removeItem(THEME_KEY);
    else storage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode, a sandboxed frame): the choice lasts for this page.
  }
}
