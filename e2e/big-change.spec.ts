import { writeFileSync } from 'node:fs';
import { benchScenario } from '../bench/trees';
import { expect, test } from './fixtures';

/**
 * A step that changes every card of a big tree (a freeze of 20,000 tasks) is prepared in slices
 * like an open: the tree says aria-busy while the last drawing stays, then every card says
 * frozen; a step back thaws them the same way.
 */

const TASKS = 20_000;

test('a freeze of a 20,000-task tree is drawn through the slices, busy meanwhile', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const s = { ...benchScenario(TASKS), name: 'big-change' };
  s.steps = [{ op: 'freeze' as const }, { op: 'thaw' as const }];
  const path = testInfo.outputPath('big-change.json');
  writeFileSync(path, JSON.stringify(s));
  await app.getByLabel('Open scenario file').setInputFiles(path);
  const tree = app.getByRole('tree', { name: 'Process tree' });
  const root = tree.getByRole('treeitem', { name: /^pid 1 task1 running(?!.*frozen)/ });
  await expect(root).toBeVisible({ timeout: 45_000 });
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  const goTo = async (step: number) => {
    await app.getByLabel('Go to step').fill(String(step));
    await app.getByLabel('Go to step').press('Enter');
  };
  // Step 1 is the freeze, step 2 the thaw.
  await goTo(2);
  await expect(root).toBeVisible();
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  // Whether the tree went busy, seen in the page (a poll from here could miss a short busy).
  await app.evaluate(`(() => {
    window.__wasBusy = false;
    const t = document.querySelector('[role="tree"]');
    new MutationObserver(() => {
      if (document.querySelector('[role="tree"]')?.getAttribute('aria-busy') === 'true')
        window.__wasBusy = true;
    }).observe(t.parentElement, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
  })()`);
  await goTo(1);
  const frozenRoot = tree.getByRole('treeitem', { name: /^pid 1 task1 running, frozen/ });
  await expect(frozenRoot).toBeVisible();
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  expect(await app.evaluate('window.__wasBusy')).toBe(true);
  await expect(app.getByRole('heading', { name: /container 1 · FROZEN/ })).toBeVisible();
  await goTo(2);
  await expect(root).toBeVisible();
  await expect(tree).toHaveAttribute('aria-busy', 'false');
});
