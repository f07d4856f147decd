import { contrastRatio, luminance } from '../src/ui/theme/contrast';
import { checkpointAndRestart, expect, test, type Page } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** The page's background and text colours as computed (what the user sees). */
async function pageColours(page: Page) {
  return page.evaluate(() => {
    const cs = getComputedStyle(document.body);
    return { bg: cs.backgroundColor, text: cs.color };
  });
}

const themeButton = (page: Page) => page.getByRole('button', { name: /^Theme: / });

test('the theme follows prefers-color-scheme and prefers-contrast by default', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
  await expect(themeButton(app)).toHaveAccessibleName('Theme: System');
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeLessThan(0.05);

  await app.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeGreaterThan(0.8);
  const light = await pageColours(app);
  expect(contrastRatio(light.text, light.bg)).toBeGreaterThanOrEqual(4.5);

  await app.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  await expect.poll(async () => (await pageColours(app)).bg).toBe('rgb(0, 0, 0)');
  expect((await pageColours(app)).text).toBe('rgb(255, 255, 255)');
  await app.screenshot({ path: test.info().outputPath('theme-system-more-contrast.png') });
});

test('the toolbar switch cycles the themes and the choice is remembered', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeGreaterThan(0.8);
  await app.screenshot({ path: test.info().outputPath('theme-light-1280.png') });
  // The system still asks for dark: the choice wins, and survives a reload.
  await app.reload();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeGreaterThan(0.8);

  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Dark');
  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: High contrast');
  await expect.poll(async () => (await pageColours(app)).bg).toBe('rgb(0, 0, 0)');
  await app.screenshot({ path: test.info().outputPath('theme-high-contrast-1280.png') });
  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: System');
});

test('the command palette switches the theme too', async ({ app }) => {
  await app.keyboard.press('Control+k');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('Switch theme');
  await app.keyboard.press('Enter');
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
});

/** A tree with a task in each state: running, stopped, traced, zombie and EXIT_DEAD. */
const EVERY_STATE = JSON.stringify({
  format: 'crviz-scenario/1',
  name: 'every-state',
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'halted', state: 'stopped' },
    { pid: 3, ppid: 1, comm: 'debugger' },
    { pid: 4, ppid: 1, comm: 'debuggee' },
    { pid: 5, ppid: 1, comm: 'gone', state: 'zombie', exit_code: 256 },
    { pid: 6, ppid: 1, comm: 'undead', state: 'zombie' },
  ],
  steps: [
    { op: 'ptrace', tracer: 3, tracee: 4 },
    { op: 'wait', pid: 1, child: 6, hold: true },
  ],
});

const STATES = [
  { pid: 1, word: 'running', glyph: '▶' },
  { pid: 2, word: 'stopped', glyph: '‖' },
  { pid: 4, word: 'traced', glyph: '◎' },
  { pid: 5, word: 'zombie', glyph: '☠' },
  { pid: 6, word: 'EXIT_DEAD', glyph: '✕' },
];

/** Each card's outline path, dash pattern, fill and the colours of its texts. */
async function cardLook(page: Page, pid: number) {
  return page.getByRole('treeitem', { name: new RegExp(`^pid ${pid} `) }).evaluate((g) => {
    const path = g.querySelector('path')!;
    const card = getComputedStyle(path);
    return {
      name: g.getAttribute('aria-label') ?? '',
      label: g.textContent ?? '',
      shape: path.getAttribute('d') ?? '',
      dash: card.strokeDasharray,
      // Marks drawn over the card (EXIT_DEAD's cross), shown ones only.
      marks: [...g.querySelectorAll('line')].filter((l) => getComputedStyle(l).display !== 'none')
        .length,
      fill: card.fill,
      texts: [...g.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => getComputedStyle(t).fill),
    };
  });
}

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`${theme}: every state differs by outline, glyph and words, and card texts reach 4.5:1`, async ({
    app,
  }) => {
    await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
    while ((await themeButton(app).getAttribute('aria-label')) !== `Theme: ${theme}`) {
      await themeButton(app).click();
    }
    await app.getByLabel('Open scenario file').setInputFiles({
      name: 'every-state.json',
      mimeType: 'application/json',
      buffer: Buffer.from(EVERY_STATE),
    });
    await expect(app.getByRole('treeitem', { name: /^pid 6 undead/ })).toBeVisible();
    const looks = [];
    for (const s of STATES) {
      const look = await cardLook(app, s.pid);
      expect(look.name, `pid ${s.pid}'s name`).toContain(s.word === 'EXIT_DEAD' ? 'dead' : s.word);
      expect(look.label, `pid ${s.pid}'s glyph`).toContain(s.glyph);
      for (const text of look.texts) {
        expect(
          contrastRatio(text, look.fill),
          `pid ${s.pid} text on its card`,
        ).toBeGreaterThanOrEqual(4.5);
      }
      looks.push(look);
    }
    // Not colour alone: outline shape, dash pattern and marks differ between every two states.
    const outlines = new Set(looks.map((l) => `${l.shape}|${l.dash}|${l.marks}`));
    expect(outlines.size).toBe(STATES.length);
    await app.screenshot({
      path: test.info().outputPath(`theme-states-${theme.toLowerCase().replace(' ', '-')}.png`),
    });
  });
}

test('the saved theme is on the page before the first render: no flash of the other one', async ({
  app,
}) => {
  await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
  await app.evaluate(() => localStorage.setItem('crviz.theme.v1', 'light'));
  // Notes the theme at the moment React first puts anything into #root.
  await app.addInitScript(() => {
    const w = window as unknown as { __themeAtFirstRender?: string };
    new MutationObserver((_records, observer) => {
      const root = document.getElementById('root');
      if (!root?.firstChild) return;
      w.__themeAtFirstRender = document.documentElement.dataset.theme ?? 'none';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await app.reload();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
  const first = await app.evaluate(
    () => (window as unknown as { __themeAtFirstRender?: string }).__themeAtFirstRender,
  );
  expect(first).toBe('light');
});

test('the active_pid baton reads 4.5:1 in every theme', async ({ app }) => {
  await checkpointAndRestart(app);
  // Walk into the protocol until a task holds active_pid and the baton is shown on it.
  const holder = app.getByRole('treeitem', { name: /holds active_pid/ });
  const forward = app.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 200 && (await holder.count()) === 0; i++) await forward.click();
  await expect(holder).toHaveCount(1);
  // The live baton (the exports' SVG copy is hidden).
  const baton = app.getByText('◆ active_pid', { exact: true }).locator('visible=true');
  for (const theme of ['Light', 'Dark', 'High contrast']) {
    const chosen = app.getByRole('button', { name: `Theme: ${theme}`, exact: true });
    for (let i = 0; i < 5 && (await chosen.count()) === 0; i++) await themeButton(app).click();
    await expect(chosen).toHaveCount(1);
    const { bg, text } = await baton.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, text: cs.color };
    });
    expect(contrastRatio(text, bg), `${theme}: ${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    await app.screenshot({ path: test.info().outputPath(`baton-${theme}.png`) });
  }
});
