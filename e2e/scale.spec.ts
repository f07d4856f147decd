import { benchScenario } from '../bench/trees';
import { expect, test, type Page, openScenarioFile } from './fixtures';

/**
 * A 50,000-task tree opens (big subtrees collapsed to a node budget, "+N hidden") and can be
 * navigated: subtrees close and open by keyboard (WAI-ARIA tree: Left closes, Right opens) and
 * by clicking the toggle on a card, with aria-expanded kept in step.
 */

const TASKS = 50_000;

async function openBigTree(page: Page): Promise<void> {
  await openScenarioFile(page, benchScenario(TASKS), 'big.json');
  await expect(page.getByRole('treeitem', { name: /^pid 1 task1 running/ })).toBeVisible({
    timeout: 45_000,
  });
  await settled(page);
}

/** Big changes create cards over a few frames; the tree is aria-busy until all are there. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('tree', { name: 'Process tree' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
}

test('a 50,000-task tree opens collapsed to a budget and subtrees close and open', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await openBigTree(app);
  const tree = app.getByRole('tree', { name: 'Process tree' });
  // The tree says how many of its tasks it shows: a canvas tree has only the items in view in
  // the DOM, so they cannot be counted there.
  const count = async () =>
    Number(
      (await tree.getAttribute('aria-description'))?.match(/^([\d,]+) of /)?.[1].replace(/,/g, ''),
    );
  // Shown: far fewer cards than tasks, and at least one closed subtree says how much it hides.
  const shown = await count();
  expect(shown).toBeGreaterThan(100);
  expect(shown).toBeLessThanOrEqual(2500);
  const closed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
  await expect(closed).toHaveAttribute('aria-description', /^\d+ tasks hidden$/);
  await expect(tree.getByText(/^\+[\d,]+ hidden$/).first()).toBeAttached();

  // Keyboard: Right opens a closed subtree, Left closes it again.
  const name = (await closed.getAttribute('aria-label'))!;
  const item = tree.getByRole('treeitem', { name, exact: true });
  await item.focus();
  await app.keyboard.press('ArrowRight');
  await expect(item).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(count).toBeGreaterThan(shown);
  await expect(item).toBeFocused();
  // Right on an open item moves to its first child; Left there goes back up to it.
  await app.keyboard.press('ArrowRight');
  await expect(item).not.toBeFocused();
  await app.keyboard.press('ArrowLeft');
  await app.keyboard.press('ArrowLeft');
  await expect(item).toBeFocused();
  await app.keyboard.press('ArrowLeft');
  await expect(item).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(count).toBe(shown);

  // The root: closing it leaves one card; Fit zooms onto it; its toggle opens and closes it.
  const root = tree.getByRole('treeitem', { name: /^pid 1 task1 running/ });
  await settled(app);
  const shownWithRoot = await count();
  await root.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(count).toBe(1);
  // Closing thousands of cards at once keeps the focus on the card closed: Right reopens it.
  await expect(root).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(count).toBe(shownWithRoot);
  await app.keyboard.press('ArrowLeft');
  await expect.poll(count).toBe(1);
  await app.getByRole('button', { name: 'Fit', exact: true }).click();
  await root.locator('.toggle').click();
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(count).toBeGreaterThan(1);
  await expect(tree.getByRole('treeitem', { name: /^pid 2 task2 / })).toBeVisible();
  await root.locator('.toggle').click();
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(count).toBe(1);
});

test('the shown tree stays navigable: Down and Up walk the shown items, Enter selects', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await openBigTree(app);
  const root = app.getByRole('treeitem', { name: /^pid 1 task1 running/ });
  await root.focus();
  await app.keyboard.press('ArrowDown');
  await expect(root).not.toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(root).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(
    app.getByRole('region', { name: 'Inspector' }).getByText('task_struct · pid 1'),
  ).toBeVisible();
});
