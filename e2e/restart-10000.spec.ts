import { benchRestart } from '../bench/trees';
import { expect, stepText, test, openScenarioFile } from './fixtures';

test('a 10,000-task restart is recorded event by event: stepped one event at a time, a task found by role and name', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await openScenarioFile(app, benchRestart(10_000), 'restart-10000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{6,}) of \1$/, { timeout: 240_000 });
  const total = Number((await step.textContent())!.match(/\d+/)![0]);
  // Every event is a position: about fourteen per restored task, not one for the whole restart.
  expect(total).toBeGreaterThan(10_000 * 10);

  const half = Math.floor(total / 2);
  await app.getByLabel('Go to step').fill(String(half));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(`Step ${half} of ${total}`);
  const forward = app.getByRole('button', { name: 'Step forward' });
  const back = app.getByRole('button', { name: 'Step back' });
  const holder = app.getByRole('treeitem', { name: /holds active_pid/ });
  const holders = new Set<string>();
  for (let i = 0; i < 200 && holders.size < 3; i++) {
    await forward.click();
    await expect(step).toHaveText(`Step ${half + i + 1} of ${total}`);
    if ((await holder.count()) === 1) holders.add((await holder.getAttribute('aria-label')) ?? '');
  }
  // The baton moved from task to task, one event at a time.
  expect(holders.size).toBeGreaterThanOrEqual(3);
  const at = Number((await step.textContent())!.match(/\d+/)![0]);
  await back.click();
  await expect(step).toHaveText(`Step ${at - 1} of ${total}`);
  // A restored task, found by its role and accessible name.
  await expect(app.getByRole('treeitem', { name: /^pid 1 task1 / })).toBeVisible();
  await expect(
    app.getByRole('treeitem', { name: /^restart coordinator, waiting \d+ of 10000/ }),
  ).toBeVisible();

  // Go to step far into the restart and back before it (each a restore of 10,000 tasks and a
  // walk, made in slices): the step text, the slider, the log's current row, the tree and the
  // Inspector then all stand at the step asked for.
  const slider = app.getByRole('slider', { name: 'Scrub timeline' });
  const log = app.getByRole('region', { name: 'Event log' });
  const inspector = app.getByRole('region', { name: 'Inspector' });
  const goTo = async (target: number) => {
    await app.getByLabel('Go to step').fill(String(target));
    await app.getByLabel('Go to step').press('Enter');
    await expect(step).toHaveText(`Step ${target} of ${total}`);
    await expect(slider).toHaveAttribute('aria-busy', 'false');
    await expect(slider).toHaveValue(String(target - 1));
    await expect(app.getByRole('status').filter({ hasText: /^Going to step/ })).toHaveCount(0);
    const name = new RegExp(`^${target} `);
    await expect(log.getByRole('button', { name })).toBeInViewport();
    const current = log.getByRole('listitem').filter({ has: app.getByRole('button', { name }) });
    await expect(current).toHaveAttribute('aria-current', 'step');
  };
  const deep = Math.floor(total * 0.75);
  await goTo(deep);
  // The baton's holder in the tree is the task the Inspector's restart ctx names.
  for (let i = 0; i < 100 && (await holder.count()) !== 1; i++) await goTo(deep + i + 1);
  const pid = Number((await holder.getAttribute('aria-label'))!.match(/^pid (\d+)/)![1]);
  await expect(inspector.getByText(new RegExp(`→ pid ${pid}$`))).toBeVisible();
  await goTo(12);
  // Before the restart: the checkpointed tree, no restart coordinator, no restart ctx.
  await expect(app.getByRole('treeitem', { name: /^pid 1 task1 / })).toBeVisible();
  await expect(app.getByRole('treeitem', { name: /^restart coordinator/ })).toHaveCount(0);
  await expect(inspector.getByText(/→ pid \d+$/)).toHaveCount(0);
});
