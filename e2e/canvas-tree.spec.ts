import { readFile } from 'node:fs/promises';
import { benchScenario } from '../bench/trees';
import { expect, test, type Page, openScenarioFile } from './fixtures';

/** Screenshots to look at: CRVIZ_SHOTS (a folder outside the repository), else the test's output. */
const shot = (name: string) =>
  process.env.CRVIZ_SHOTS ? `${process.env.CRVIZ_SHOTS}/${name}` : test.info().outputPath(name);

/**
 * A 2,000-task tree is drawn on a canvas with an accessible tree over it: the same treeitems by
 * role and name as the SVG cards, but only the ones in view (and the focused one) in the DOM.
 * A click on a card selects it, Find task focuses and selects a task off screen, the arrow keys
 * move between treeitems, and the wheel zooms.
 */
test('a 2,000-task tree on canvas: click a card, find a task, arrow between treeitems, zoom', async ({
  app,
}) => {
  test.setTimeout(120_000);
  // The default tree is small: SVG.
  const tree = app.getByRole('tree', { name: 'Process tree' });
  expect(await tree.evaluate((el) => el.localName)).toBe('svg');

  await openScenarioFile(app, benchScenario(2000), 'tree-2000.json');
  const root = app.getByRole('treeitem', { name: /^pid 1 task1 running/ });
  await expect(root).toBeVisible({ timeout: 30_000 });
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  // Drawn on a canvas; the DOM holds the items in view, not the 2,000 cards.
  expect(await tree.evaluate((el) => el.localName)).toBe('div');
  const items = tree.getByRole('treeitem');
  expect(await items.count()).toBeLessThan(700);
  await expect(root).toHaveAttribute('aria-level', '1');
  await expect(root).toHaveAttribute('aria-posinset', '1');
  await app.screenshot({ path: shot('tree-2000-fit.png') });

  // A click on a card selects its task (hit-tested on the canvas's grid), once the view has
  // settled from its fit (a locator's click waits for that; a box read mid-zoom is not there).
  await root.click();
  await expect(root).toHaveAttribute('aria-selected', 'true');
  const inspector = app.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByText('task_struct · pid 1', { exact: true })).toBeVisible();

  // Find task: a task far from the view is brought in, selected and focused.
  const find = app.getByRole('searchbox', { name: 'Find task' });
  await find.fill('1999');
  await find.press('Enter');
  const far = app.getByRole('treeitem', { name: /^pid 1999 / });
  await expect(far).toBeFocused();
  await expect(far).toHaveAttribute('aria-selected', 'true');
  await expect(far).toBeInViewport();
  await expect(inspector.getByText('task_struct · pid 1999', { exact: true })).toBeVisible();
  await app.screenshot({ path: shot('tree-2000-found.png') });

  // The arrow keys move the focus between treeitems, as on the SVG tree.
  await app.keyboard.press('ArrowUp');
  await expect(far).not.toBeFocused();
  const before = app.locator(':focus');
  await expect(before).toHaveAttribute('role', 'treeitem');
  await app.keyboard.press('ArrowDown');
  await expect(far).toBeFocused();
  await app.keyboard.press('Home');
  await expect(root).toBeFocused();

  // The wheel zooms: the card's item grows with the drawing (Fit centres on the selected task).
  await app.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(far).toBeInViewport();
  const small = (await far.boundingBox())!;
  await app.mouse.move(small.x + small.width / 2, small.y + small.height / 2);
  for (let i = 0; i < 5; i++) await app.mouse.wheel(0, -120);
  await expect
    .poll(async () => (await far.boundingBox())?.width ?? 0)
    .toBeGreaterThan(small.width * 1.5);
  await app.screenshot({ path: shot('tree-2000-zoomed.png') });
  // A right click on a card opens the task's menu.
  const zoomed = (await far.boundingBox())!;
  await app.mouse.click(zoomed.x + zoomed.width / 2, zoomed.y + zoomed.height / 2, {
    button: 'right',
  });
  await expect(app.getByRole('menu')).toBeVisible();
  await app.keyboard.press('Escape');
});

/** Clicks an item of the Export menu and reads the file it downloads. */
async function download(app: Page, button: string) {
  const wait = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export ▾' }).click();
  await app.getByRole('button', { name: button, exact: true }).click();
  const d = await wait;
  return readFile((await d.path())!);
}

test('a canvas-drawn tree exports every shown card as SVG and PNG, and stays a canvas', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await openScenarioFile(app, benchScenario(2000), 'tree-2000.json');
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(app.getByRole('treeitem', { name: /^pid 1 task1 running/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  const markup = (await download(app, 'Export SVG')).toString();
  expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Every card of the 2,000 tasks, not only those in view.
  expect([...markup.matchAll(/<g [^>]*data-pid="\d+"/g)]).toHaveLength(2000);
  expect(markup).toContain('task1999');
  const png = await download(app, 'Export PNG');
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  // The live view is still the canvas with only the items in view.
  expect(await tree.evaluate((el) => el.localName)).toBe('div');
  expect(await app.getByRole('treeitem').count()).toBeLessThan(700);
});
