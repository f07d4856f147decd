import type { ThemeChoice } from '../../store/types';
import { isThemeChoice } from '../theme/theme';

/**
 * What `?embed=1` takes in the query, for pages and slides that host crviz in an iframe:
 * `lesson=` a built-in lesson's id, `step=` the step to start at (as the timeline counts, 0 is
 * the tree before the first event), `autoplay=1`, `theme=` light, dark, high-contrast or system,
 * `height=` the frame's height in CSS pixels. A crviz link in the fragment is opened as well
 * (its lesson, cursor and selection); `step=` then wins over the link's cursor.
 */
export interface EmbedOptions {
  lesson: string | null;
  step: number | null;
  autoplay: boolean;
  theme: ThemeChoice | null;
  height: number | null;
  /** One line per option that was refused (then it is left out). */
  problems: string[];
}

export const EMBED_HEIGHT = { min: 160, max: 4000 } as const;

const MAX_STEP = 1e9;

function quoteValue(v: string): string {
  const cut = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return JSON.stringify(cut);
}

/** Reads the options from a query string; bad values are reported in `problems`, not thrown. */
export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const bad = (name: string, value: string, want: string) =>
    problems.push(`embed option ${name}=${quoteValue(value)} ignored: ${want}`);

  const lessonText = q.get('lesson');
  let lesson: string | null = null;
  if (lessonText !== null) {
    if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(lessonText)) lesson = lessonText;
    else bad('lesson', lessonText, 'a lesson id such as zombie-wait');
  }

  const stepText = q.get('step');
  let step: number | null = null;
  if (stepText !== null) {
    if (/^\d{1,10}$/.test(stepText) && Number(stepText) <= MAX_STEP) step = Number(stepText);
    else bad('step', stepText, 'a step number, 0 or more');
  }

  const autoplayText = q.get('autoplay');
  let autoplay = false;
  if (autoplayText !== null) {
    if (autoplayText === '1' || autoplayText === 'true') autoplay = true;
    else if (autoplayText !== '0' && autoplayText !== 'false')
      bad('autoplay', autoplayText, '1 or 0');
  }

  const themeText = q.get('theme');
  let theme: ThemeChoice | null = null;
  if (themeText !== null) {
    if (isThemeChoice(themeText)) theme = themeText;
    else bad('theme', themeText, 'light, dark, high-contrast or system');
  }

  const heightText = q.get('height');
  let height: number | null = null;
  if (heightText !== null) {
    const h = Number(heightText);
    if (/^\d{1,5}$/.test(heightText) && h >= EMBED_HEIGHT.min && h <= EMBED_HEIGHT.max) height = h;
    else bad('height', heightText, `pixels from ${EMBED_HEIGHT.min} to ${EMBED_HEIGHT.max}`);
  }

  return { lesson, step, autoplay, theme, height, problems };
}

/** True when the page was opened as an embed (`?embed=1`). */
export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}
