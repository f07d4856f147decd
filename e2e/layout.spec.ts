import { expect, selectTask, test, type Page } from './fixtures';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(_page: Page, locator: ReturnType<Page['getByRole']>): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b, 'a bounding box').not.toBeNull();
  return b!;
}

function intersect(a: Box, b: Box): boolean {
  // One pixel of tolerance for shared borders.
  return (
    a.x + a.width > b.x + 1 &&
    b.x + b.width > a.x + 1 &&
    a.y + a.height > b.y + 1 &&
    b.y + b.height > a.y + 1
  );
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

/** No two of the named regions overlap. */
async function expectApart(page: Page, regions: [string, ReturnType<Page['getByRole']>][]) {
  const boxes = await Promise.all(regions.map(async ([n, l]) => [n, await box(page, l)] as const));
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (intersect(boxes[i][1], boxes[j][1])) overlaps.push(`${boxes[i][0]} × ${boxes[j][0]}`);
    }
  }
  expect(overlaps).toEqual([]);
}

/** Every task card shown lies inside the tree's drawing area (the tree fits what is left). */
async function expectTreeFits(page: Page) {
  const area = await box(page, page.getByRole('tree', { name: 'Process tree' }));
  const items = page.getByRole('treeitem');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const b = await box(page, items.nth(i));
    expect(inside(b, area), `treeitem ${i} inside the tree`).toBe(true);
  }
}

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the toolbar keeps one row; the less used actions are in its More menu', async ({ app }) => {
    const toolbar = app.getByRole('toolbar', { name: 'Actions' });
    const buttons = toolbar.getByRole('button');
    const tops = new Set<number>();
    for (let i = 0; i < (await buttons.count()); i++) {
      const b = await buttons.nth(i).boundingBox();
      if (b) tops.add(Math.round(b.y + b.height / 2));
    }
    expect(tops.size, 'one row of buttons').toBe(1);
    expect((await box(app, toolbar)).height).toBeLessThan(48);

    const more = toolbar.getByRole('button', { name: 'More ▾' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(app.getByRole('button', { name: 'Ptrace', exact: true })).toBeHidden();
    await more.click();
    const group = app.getByRole('group', { name: 'More actions' });
    for (const name of ['Thread', 'Ignore SIGCHLD', 'Pdeath signal', 'Ptrace']) {
      await expect(group.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await app.screenshot({ path: test.info().outputPath('layout-1280-more-menu.png') });
    await app.keyboard.press('Escape');
    await expect(group).toBeHidden();
    await expect(more).toBeFocused();

    // An action from the menu runs and closes it.
    await selectTask(app, 3);
    const tasks = await app.getByRole('treeitem').count();
    await more.click();
    await group.getByRole('button', { name: 'Thread', exact: true }).click();
    await expect(group).toBeHidden();
    await expect(app.getByRole('treeitem')).toHaveCount(tasks + 1);
  });

  test("the tree panel's head holds its controls in one row, none over another", async ({
    app,
  }) => {
    // Before and after Freeze: the heading grows to "container 1 · FROZEN" and takes room.
    for (const freeze of [false, true]) {
      if (freeze) await app.getByRole('button', { name: 'Freeze', exact: true }).click();
      if (freeze) await expect(app.getByRole('heading', { name: /FROZEN/ })).toBeVisible();
      const panel = app.getByRole('region', { name: 'Tree view' });
      const head = await box(app, panel.getByRole('heading', { level: 2 }));
      // The head is what lies above the legend's row: its buttons and the Find box.
      const legend = await box(app, panel.getByRole('list', { name: 'Legend' }));
      const controls = panel.getByRole('button').or(panel.getByRole('textbox'));
      const boxes: [string, Box][] = [];
      for (let i = 0; i < (await controls.count()); i++) {
        const c = controls.nth(i);
        if (!(await c.isVisible())) continue;
        const b = await c.boundingBox();
        if (!b || b.y >= legend.y) continue;
        const name = (await c.getAttribute('aria-label')) ?? (await c.innerText());
        boxes.push([name, await box(app, c)]);
      }
      expect(boxes.map(([n]) => n)).toEqual(
        expect.arrayContaining(['Open…', 'Save', 'Reset', 'Export ▾', 'Import ▾', 'Fit']),
      );
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        const [n, b] = boxes[i];
        if (Math.abs(b.y + b.height / 2 - (head.y + head.height / 2)) > 4)
          overlaps.push(`${n} off the row`);
        for (let j = i + 1; j < boxes.length; j++)
          if (intersect(b, boxes[j][1])) overlaps.push(`${n} × ${boxes[j][0]}`);
      }
      expect(overlaps, freeze ? 'frozen' : 'as loaded').toEqual([]);
    }
  });

  test('the legend is not cut', async ({ app }) => {
    const legend = app.getByRole('list', { name: 'Legend' });
    const panel = await box(app, app.getByRole('region', { name: 'Tree view' }));
    const items = legend.getByRole('listitem');
    await expect(items).toHaveCount(7);
    for (let i = 0; i < 7; i++) {
      const b = await box(app, items.nth(i));
      expect(inside(b, panel), `legend item ${i}`).toBe(true);
      const cut = await items.nth(i).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut).toBe(false);
    }
    await expect(items.last()).toHaveText('zz sleeping');
  });

  test('a lesson, its predict question and an error banner take their own space and the tree re-fits', async ({
    app,
  }) => {
    const notices = app.getByRole('alert', { name: 'Notices' });
    await app.getByRole('button', { name: 'Lessons', exact: true }).click();
    await app
      .getByRole('dialog', { name: 'Lessons' })
      .getByRole('button', { name: 'Restart: the active_pid hand-off' })
      .click();
    const lesson = app.getByRole('region', { name: 'Lesson' });
    await lesson.getByRole('checkbox', { name: 'Predict' }).check();
    const question = lesson.getByRole('group', { name: /who gets active_pid next/ });
    const next = lesson.getByRole('button', { name: 'Next', exact: true });
    for (let i = 0; i < 5 && !(await question.isVisible()); i++) await next.click();
    await expect(question).toBeVisible();
    // An error banner that is no step's result (a step's own goes when the lesson moves on):
    // a file that is not a scenario.
    await app.getByLabel('Open scenario file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "crviz-scenario/1", "steps": [ {"op": "frob"} ]}'),
    });
    await expect(notices).toContainText('broken.json');
    await app.waitForTimeout(500);
    await app.screenshot({ path: test.info().outputPath('layout-1280-lesson-banner.png') });
    await expectApart(app, [
      ['toolbar', app.getByRole('toolbar', { name: 'Actions' })],
      ['lesson', lesson],
      ['notices', notices],
      ['tree view', app.getByRole('region', { name: 'Tree view' })],
      ['inspector', app.getByRole('region', { name: 'Inspector' })],
      ['timeline', app.getByRole('region', { name: 'Timeline' })],
      ['event log', app.getByRole('region', { name: 'Event log' })],
    ]);
    await expectTreeFits(app);
  });
});

test.describe('at 390×844 (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the panels stack: tree, timeline, then the panels as tabs, with no overlap', async ({
    app,
  }) => {
    const width = await app.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling of the page').toBeLessThanOrEqual(390);
    const tree = app.getByRole('region', { name: 'Tree view' });
    const timeline = app.getByRole('region', { name: 'Timeline' });
    const tabs = app.getByRole('tablist', { name: 'Panels' });
    const treeBox = await box(app, tree);
    expect(treeBox.width).toBeGreaterThan(370);
    expect(treeBox.height).toBeGreaterThan(300);
    const timeBox = await box(app, timeline);
    const tabsBox = await box(app, tabs);
    expect(timeBox.y).toBeGreaterThanOrEqual(treeBox.y + treeBox.height - 1);
    expect(tabsBox.y).toBeGreaterThanOrEqual(timeBox.y + timeBox.height - 1);

    // One panel at a time, under the tabs.
    const inspector = app.getByRole('region', { name: 'Inspector' });
    await expect(app.getByRole('tab', { name: 'Inspector' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(inspector).toBeVisible();
    await expect(app.getByRole('region', { name: 'Event log' })).toBeHidden();
    await expectApart(app, [
      ['toolbar', app.getByRole('toolbar', { name: 'Actions' })],
      ['welcome', app.getByRole('region', { name: 'Welcome' })],
      ['tree view', tree],
      ['timeline', timeline],
      ['tabs', tabs],
      ['inspector', inspector],
    ]);
    await expectTreeFits(app);
    await app.screenshot({
      path: test.info().outputPath('layout-390-stacked.png'),
      fullPage: true,
    });

    await app.getByRole('tab', { name: 'Event log' }).click();
    await expect(app.getByRole('region', { name: 'Event log' })).toBeVisible();
    await expect(inspector).toBeHidden();
    await app.keyboard.press('ArrowRight');
    await expect(app.getByRole('tab', { name: 'Image' })).toBeFocused();
    await expect(app.getByRole('region', { name: 'Image' })).toBeVisible();
  });

  test('a tap selects a task and the Inspector shows it', async ({ app }) => {
    await app.getByRole('treeitem', { name: /^pid 4 make/ }).tap();
    await expect(app.getByRole('treeitem', { name: /^pid 4 make/, selected: true })).toBeVisible();
    const inspector = app.getByRole('region', { name: 'Inspector' });
    await expect(inspector).toContainText('make');
    await inspector.scrollIntoViewIfNeeded();
    await app.screenshot({
      path: test.info().outputPath('layout-390-tap-selected.png'),
      fullPage: true,
    });
  });

  test('a pinch zooms the tree, and the page itself does not zoom', async ({ app }) => {
    const tree = app.getByRole('tree', { name: 'Process tree' });
    const touchAction = await tree.evaluate((svg) => getComputedStyle(svg).touchAction);
    expect(touchAction).toBe('none');
    const card = app.getByRole('treeitem', { name: /^pid 1 init/ });
    const before = await box(app, card);
    const area = await box(app, tree);
    const cx = area.x + area.width / 2;
    const cy = area.y + area.height / 2;
    const cdp = await app.context().newCDPSession(app);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', d: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: cx - d, y: cy, id: 1 },
                { x: cx + d, y: cy, id: 2 },
              ],
      });
    await touch('touchStart', 20);
    for (let d = 30; d <= 120; d += 10) await touch('touchMove', d);
    await touch('touchEnd', 0);
    await expect
      .poll(async () => (await box(app, card)).width, { message: 'the card grew' })
      .toBeGreaterThan(before.width * 1.5);
    const scale = await app.evaluate(() => window.visualViewport?.scale ?? 1);
    expect(scale).toBe(1);
  });
});
