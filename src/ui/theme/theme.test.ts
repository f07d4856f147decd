import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { loadTheme, nextTheme, resolveTheme, saveTheme, THEME_CHOICES, type Theme } from './theme';

/** The token blocks of tokens.css, by theme: what the page really ships. */
function tokenTable(): Record<Theme, Record<string, string>> {
  const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8').replace(
    /\/\*[\s\S]*?\*\//g,
    '',
  );
  const table: Partial<Record<Theme, Record<string, string>>> = {};
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const theme = /data-theme='([a-z-]+)'/.exec(selector)?.[1] as Theme | undefined;
    if (!theme) continue;
    table[theme] = Object.fromEntries(
      [...body.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map(([, k, v]) => [k, v.trim()]),
    );
  }
  return table as Record<Theme, Record<string, string>>;
}

const SURFACES = ['--bg', '--panel', '--panel-head'];
/**
 * Each text token and the backgrounds it is drawn on (app.css, the panels' CSS and tree.css):
 * body text everywhere, dim text on panels and cards, the event log's columns on its current
 * row, state colours as card texts (line 3, badges), timeline markers and result lines.
 */
const TEXT_ON: Record<string, string[]> = {
  '--text': [
    ...SURFACES,
    '--card-bg',
    '--zombie-bg',
    '--coord-bg',
    '--ok-bg',
    '--err-bg',
    '--current',
    '--button-bg',
    '--button-hover',
    '--input-bg',
    '--notice-info-bg',
    '--notice-error-bg',
    '--notice-warning-bg',
    '--tree-bg',
  ],
  '--text-dim': [...SURFACES, '--card-bg', '--zombie-bg', '--tree-bg', '--current', '--input-bg'],
  '--text-disabled': [...SURFACES, '--button-bg'],
  '--accent': [...SURFACES, '--card-bg', '--current'],
  '--fn': [...SURFACES, '--current'],
  '--running': [...SURFACES],
  '--stopped': [...SURFACES],
  '--dead': [...SURFACES, '--current'],
  '--pc': [...SURFACES, '--card-bg', '--zombie-bg'],
  '--frozen': ['--card-bg', '--zombie-bg'],
  '--breakpoint': ['--panel-head'],
  '--hex-odd': ['--tree-bg'],
  '--hex-lit-text': ['--hex-lit-bg'],
  '--baton-text': ['--baton-bg'],
};

/** Outlines that tell states apart (with their dash patterns): 3:1, WCAG's non-text contrast. */
const STROKES = ['--running', '--stopped', '--traced', '--zombie', '--dead', '--frozen', '--pc'];

const table = tokenTable();
const THEMES: Theme[] = ['dark', 'light', 'high-contrast'];

describe('theme tokens', () => {
  it('tokens.css defines the three themes with the same tokens', () => {
    expect(Object.keys(table).sort()).toEqual([...THEMES].sort());
    const names = Object.keys(table.dark).sort();
    expect(names.length).toBeGreaterThan(30);
    for (const t of THEMES) expect(Object.keys(table[t]).sort()).toEqual(names);
  });

  for (const theme of THEMES) {
    it(`${theme}: every text token reaches 4.5:1 on each background it is drawn on`, () => {
      const low: string[] = [];
      for (const [fg, bgs] of Object.entries(TEXT_ON)) {
        for (const bg of bgs) {
          const r = contrastRatio(table[theme][fg], table[theme][bg]);
          if (r < 4.5) low.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });

    it(`${theme}: state outlines reach 3:1 on cards and on the tree's background`, () => {
      const low: string[] = [];
      for (const s of STROKES) {
        for (const bg of ['--card-bg', '--tree-bg']) {
          const r = contrastRatio(table[theme][s], table[theme][bg]);
          if (r < 3) low.push(`${s} on ${bg}: ${r.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });
  }
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, either way round', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', 'rgb(119, 119, 119)')).toBe(1);
  });
  it('gives WCAG’s value for a known pair (#767676 on white is 4.54)', () => {
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });
  it('refuses what is not an opaque colour', () => {
    expect(() => contrastRatio('rgb(0 0 0 / 50%)', '#fff')).toThrow(/not an opaque colour/);
  });
});

describe('theme choice', () => {
  it('system follows prefers-contrast first, then prefers-color-scheme', () => {
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark');
    expect(resolveTheme('system', { dark: false, moreContrast: false })).toBe('light');
    expect(resolveTheme('system', { dark: false, moreContrast: true })).toBe('high-contrast');
    expect(resolveTheme('light', { dark: true, moreContrast: true })).toBe('light');
  });
  it('the switch cycles through every choice and back', () => {
    let c = THEME_CHOICES[0];
    const seen = [c];
    for (let i = 1; i < THEME_CHOICES.length; i++) seen.push((c = nextTheme(c)));
    expect(seen).toEqual(THEME_CHOICES);
    expect(nextTheme(c)).toBe(THEME_CHOICES[0]);
  });
  it('is remembered, and anything unreadable is system', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as Storage;
    expect(loadTheme(storage)).toBe('system');
    saveTheme(storage, 'high-contrast');
    expect(loadTheme(storage)).toBe('high-contrast');
    data.set('crviz.theme.v1', 'neon');
    expect(loadTheme(storage)).toBe('system');
    saveTheme(storage, 'system');
    expect(data.size).toBe(0);
  });
});
