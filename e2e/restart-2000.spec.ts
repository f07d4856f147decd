import { benchRestart } from '../bench/trees';
import { expect, stepText, test, openScenarioFile } from './fixtures';

test('a 2,000-task restart is recorded event by event: the baton can be stepped from task to task', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await openScenarioFile(app, benchRestart(2000), 'restart-2000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{5,}) of \1$/, { timeout: 120_000 });
  const total = Number((await step.textContent())!.match(/\d+/)![0]);
  // Every event is a position: about ten per restored task, not one for the whole restart.
  expect(total).toBeGreaterThan(2000 * 5);

  // In the middle of the restart tasks hand active_pid on, one event at a time.
  const half = Math.floor(total / 2);
  await app.getByLabel('Go to step').fill(String(half));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(`Step ${half} of ${total}`);
  // The event log follows the cursor to the middle of 26,000 events.
  const log = app.getByRole('region', { name: 'Event log' });
  await expect(log.locator('[aria-current="step"]')).toBeInViewport();
  const holder = app.getByRole('treeitem', { name: /holds active_pid/ });
  const holders = new Set<string>();
  for (let i = 0; i < 400 && holders.size < 3; i++) {
    if ((await holder.count()) === 1) holders.add((await holder.getAttribute('aria-label')) ?? '');
    await app.getByRole('button', { name: 'Step forward' }).click();
  }
  expect(holders.size).toBeGreaterThanOrEqual(3);
  await expect(
    app.getByRole('treeitem', { name: /^restart coordinator, waiting \d+ of 2000/ }),
  ).toBeVisible();
  await expect(log.locator('[aria-current="step"]')).toBeInViewport();
});
