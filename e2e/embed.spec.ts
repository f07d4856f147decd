import { luminance } from '../src/ui/theme/contrast';
import { expect, openPage, stepText, test, type Page } from './fixtures';

/** Opens an embed in a fresh page of `app`'s context, once its tree is shown. */
async function openEmbed(app: Page, url: string) {
  const opened = await openPage(app, url);
  await expect(opened.page.getByRole('tree', { name: 'Process tree' })).toBeVisible();
  return opened;
}

/** What an embed must never show: the files and the rest of the debugger. */
async function expectOnlyTreeCaptionTimeline(page: Page) {
  for (const name of [
    'Open…',
    'Save',
    'Reset',
    'Import…',
    'Import CRIU folder',
    'Export SVG',
    'Export ▾',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Event log' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Tree view' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
}

/** Every card inside the tree's area, and the tree above the timeline (nothing overlaps). */
async function expectFits(page: Page) {
  const tree = (await page.getByRole('tree', { name: 'Process tree' }).boundingBox())!;
  const timeline = (await page.getByRole('region', { name: 'Timeline' }).boundingBox())!;
  expect(tree.y + tree.height).toBeLessThanOrEqual(timeline.y + 1);
  const items = page.getByRole('treeitem');
  for (let i = 0; i < (await items.count()); i++) {
    const b = (await items.nth(i).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(tree.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(tree.y - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(tree.x + tree.width + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(tree.y + tree.height + 1);
  }
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a bare ?embed=1 shows the default scenario, playable, and only tree and timeline', async ({
      app,
    }) => {
      const { page, errors } = await openEmbed(app, '/?embed=1');
      await expect(page.getByRole('treeitem', { name: /^pid 4 make zombie/ })).toBeVisible();
      await expect(stepText(page)).toHaveText(/^Step 0 of [1-9]\d*$/);
      await expectOnlyTreeCaptionTimeline(page);
      await expectFits(page);
      await page.screenshot({
        path: test.info().outputPath(`embed-bare-${viewport.width}.png`),
      });
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(stepText(page)).not.toHaveText(/^Step 0 of/);
      expect(errors).toEqual([]);
      await page.close();
    });

    test('an embedded lesson shows its caption, from the start step, in the theme asked for', async ({
      app,
    }) => {
      const { page, errors } = await openEmbed(
        app,
        '/?embed=1&lesson=zombie-wait&step=2&theme=dark',
      );
      const lesson = page.getByRole('region', { name: 'Lesson' });
      await expect(lesson).toBeVisible();
      await expect(lesson.getByRole('heading')).toHaveText(
        'What a zombie is, and how wait reaps it',
      );
      await expect(stepText(page)).toHaveText(/^Step 2 of \d+$/);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(luminance(bg)).toBeLessThan(0.05);
      await expectOnlyTreeCaptionTimeline(page);
      await expectFits(page);
      const before = await lesson.getByText(/^Caption \d+ of \d+$/).textContent();
      await lesson.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(lesson.getByText(/^Caption \d+ of \d+$/)).not.toHaveText(before!);
      await page.screenshot({ path: test.info().outputPath(`embed-lesson-${viewport.width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}

test.use({ viewport: { width: 1280, height: 800 } });

test('autoplay plays, height fixes the frame, and the tree re-fits when the frame is resized', async ({
  app,
}) => {
  const { page, errors } = await openEmbed(app, '/?embed=1&autoplay=1&height=360&theme=light');
  await expect(stepText(page)).not.toHaveText(/^Step 0 of/);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const timeline = (await page.getByRole('region', { name: 'Timeline' }).boundingBox())!;
  expect(timeline.y + timeline.height).toBeLessThanOrEqual(361);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(luminance(bg)).toBeGreaterThan(0.8);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.close();

  const resized = await openEmbed(app, '/?embed=1');
  await resized.page.setViewportSize({ width: 520, height: 420 });
  await resized.page.waitForTimeout(300);
  await expectFits(resized.page);
  await resized.page.setViewportSize({ width: 1100, height: 700 });
  await resized.page.waitForTimeout(300);
  await expectFits(resized.page);
  const card = (await resized.page.getByRole('treeitem', { name: /^pid 1 init/ }).boundingBox())!;
  expect(card.width, 'the tree grew back with the frame').toBeGreaterThan(120);
  expect([...errors, ...resized.errors]).toEqual([]);
  await resized.page.close();
});

test('a bad embed option says so in one line and the rest still opens', async ({ app }) => {
  const { page } = await openEmbed(app, '/?embed=1&theme=neon&step=abc');
  const notices = page.getByRole('alert', { name: 'Notices' });
  await expect(notices).toContainText('embed option theme="neon" ignored');
  await expect(notices).toContainText('embed option step="abc" ignored');
  await expect(page.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
  await page.close();
});

test('Share offers the embed code, and the embedded moment carries the lesson caption', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app
    .getByRole('dialog', { name: 'Lessons' })
    .getByRole('button', { name: 'What checkpoint saves' })
    .click();
  const caption = await app
    .getByRole('region', { name: 'Lesson' })
    .locator('p')
    .first()
    .textContent();
  await app.getByRole('button', { name: 'Share', exact: true }).click();
  await app.getByRole('button', { name: 'Copy embed code', exact: true }).click();
  const share = app.getByRole('region', { name: 'Share' });
  await expect(share.getByRole('status')).toHaveText(/Embed code copied|Copy this link/);
  const code = await share.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toMatch(
    /^<iframe src="[^"]+\?embed=1&amp;height=480#crviz=1&amp;[^"]+" title="crviz: /,
  );
  await app.screenshot({ path: test.info().outputPath('share-embed-code-1280.png') });

  // The snippet in a page of its own, as a host page would have it.
  const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
  const host = await app.context().newPage();
  const errors: string[] = [];
  host.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Served from the test server's origin: Chromium's local network access checks refuse a
  // frame of localhost in a page of any other origin here.
  const hostUrl = new URL('/class-page.html', app.url()).href;
  await host.route(hostUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<h1>A class page</h1>${code}` }),
  );
  await host.goto(hostUrl);
  const frame = host.frameLocator('iframe');
  await expect(frame.getByRole('region', { name: 'Lesson' })).toContainText(caption!.slice(0, 40));
  await expect(frame.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await host.screenshot({ path: test.info().outputPath('embed-in-host-page.png') });
  expect(src).toContain('embed=1');
  expect(errors).toEqual([]);
  await host.close();
});
