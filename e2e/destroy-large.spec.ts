import { runSession } from '../src/engine/session';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { benchRestart } from '../bench/trees';
import { expect, stepText, test, openScenarioFile } from './fixtures';

/**
 * Half-way through destroying a big container, the tasks whose parents were already released
 * are roots: 1,843 of the 2,500 left of a 5,000-task tree. The canvas tree's accessible items
 * stay the ones in view plus the top level's first (all 36,924 roots of a 100,000-task tree in
 * the DOM made a 1.4 s task), and a root off screen is still found by role and name.
 */
test('half-way through a big destroy, the many roots are not all in the DOM, and one is found', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const s = benchRestart(5000);
  const rec = runSession(s);
  const mid = (rec.stepStarts[2] + rec.stepStarts[3]) >> 1;
  const world = new WorldReplay(rec.initial, rec.frames).at(mid - 1);
  const tasks = world.containers[0].tasks;
  const pids = new Set(tasks.map((t) => t.pid));
  const roots = tasks.filter((t) => !pids.has(t.ppid)).map((t) => t.pid);
  expect(roots.length).toBeGreaterThan(1000);

  await openScenarioFile(app, s, 'restart-5000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{5,}) of \1$/, { timeout: 60_000 });
  const total = Number((await step.textContent())!.match(/\d+/)![0]);
  await app.getByLabel('Go to step').fill(String(mid));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(`Step ${mid} of ${total}`);
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  expect(await tree.getByRole('treeitem').count()).toBeLessThan(700);

  const last = roots[roots.length - 1];
  const find = app.getByRole('searchbox', { name: 'Find task' });
  await find.fill(String(last));
  await find.press('Enter');
  const far = tree.getByRole('treeitem', { name: new RegExp(`^pid ${last} `) });
  await expect(far).toBeFocused();
  await expect(far).toHaveAttribute('aria-level', '1');
  await expect(far).toBeInViewport();
});
