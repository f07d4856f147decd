import { contrastRatio, luminance } from '../src/ui/theme/contrast';
import { expect, test, type Page } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** The page's background and text colours as computed (what the user sees). */
async function pageColours(page: Page) {
  return page.evaluate(() => {
    const cs = getComputedStyle(document.body);
    return { bg: cs.backgroundColor, text: cs.color };
  });
}

/** A task card's outline, dash pattern, fill and first text colour, by its treeitem. */
async function cardStyle(page: Page, name: RegExp) {
  return page.getByRole('treeitem', { name }).evaluate((g) => {
    const card = getComputedStyle(g.querySelector('path')!);
    const text = getComputedStyle(g.querySelector('text')!);
    return {
      stroke: card.stroke,
      dash: card.strokeDasharray,
      fill: card.fill,
      text: text.fill,
      label: g.textContent ?? '',
    };
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
  await app.screenshot({ path: '/work/shots/h18b/theme-system-more-contrast.png' });
});

test('the toolbar switch cycles the themes and the choice is remembered', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeGreaterThan(0.8);
  await app.screenshot({ path: '/work/shots/h18b/theme-light-1280.png' });
  // The system still asks for dark: the choice wins, and survives a reload.
  await app.reload();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Light');
  await expect.poll(async () => luminance((await pageColours(app)).bg)).toBeGreaterThan(0.8);

  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: Dark');
  await themeButton(app).click();
  await expect(themeButton(app)).toHaveAccessibleName('Theme: High contrast');
  await expect.poll(async () => (await pageColours(app)).bg).toBe('rgb(0, 0, 0)');
  await app.screenshot({ path: '/work/shots/h18b/theme-high-contrast-1280.png' });
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

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`${theme}: states differ by glyph, text and outline, and card text reaches 4.5:1`, async ({
    app,
  }) => {
    await app.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
    while ((await themeButton(app).getAttribute('aria-label')) !== `Theme: ${theme}`) {
      await themeButton(app).click();
    }
    const running = await cardStyle(app, /^pid 1 init running/);
    const zombie = await cardStyle(app, /^pid 4 make zombie/);
    expect(running.label).toContain('▶');
    expect(running.label).toContain('running');
    expect(zombie.label).toContain('☠');
    expect(zombie.label).toContain('zombie');
    // Not colour alone: the zombie's outline is dashed, the running task's solid.
    expect(running.dash).toBe('none');
    expect(zombie.dash).not.toBe('none');
    for (const card of [running, zombie]) {
      expect(contrastRatio(card.text, card.fill)).toBeGreaterThanOrEqual(4.5);
    }
    // A frozen task says so in its name and glyph as well as its colour.
    await app.getByRole('button', { name: 'Freeze', exact: true }).click();
    const frozen = await cardStyle(app, /^pid 1 init running, frozen/);
    expect(frozen.label).toContain('❄');
  });
}
