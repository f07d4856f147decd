import { benchRestart } from '../bench/trees';
import { expect, stepText, test, openScenarioFile } from './fixtures';

/**
 * Above the old cut-off (10,000 tasks, past which frames were kept per scenario step): a
 * 50,000-task restart is recorded event by event, and stepping it moves the event log's current
 * row and the Inspector with the cursor.
 */
test('a 50,000-task restart is stepped event by event: the event log and the Inspector follow', async ({
  app,
}) => {
  test.setTimeout(240_000);
  await openScenarioFile(app, benchRestart(50_000), 'restart-50000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{6,}) of \1$/, { timeout: 200_000 });
  const total = Number((await step.textContent())!.match(/\d+/)![0]);
  // Every event is a position: about fourteen per restored task.
  expect(total).toBeGreaterThan(50_000 * 10);

  const half = Math.floor(total / 2);
  await app.getByLabel('Go to step').fill(String(half));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(`Step ${half} of ${total}`);
  const log = app.getByRole('region', { name: 'Event log' });
  const inspector = app.getByRole('region', { name: 'Inspector' });
  const holder = app.getByRole('treeitem', { name: /holds active_pid/ });
  const forward = app.getByRole('button', { name: 'Step forward' });
  // The view follows the baton, so the card of the task holding active_pid is on screen.
  await app.getByRole('button', { name: 'Follow active_pid' }).click();
  // Select the task holding active_pid; the Inspector shows it.
  for (let i = 0; i < 100 && (await holder.count()) !== 1; i++) await forward.click();
  await expect(holder).toBeInViewport();
  const selected = Number((await holder.getAttribute('aria-label'))!.match(/^pid (\d+)/)![1]);
  await holder.click();
  await expect(
    inspector.getByRole('heading', { name: `task_struct · pid ${selected}` }),
  ).toBeVisible();

  const holders = new Set<number>();
  let at = Number((await step.textContent())!.match(/\d+/)![0]);
  for (let i = 0; i < 60 && holders.size < 3; i++) {
    await forward.click();
    at++;
    await expect(step).toHaveText(`Step ${at} of ${total}`);
    // The log's row of this event (numbered from 1, as the step) is drawn and current.
    await expect(log.getByRole('button', { name: new RegExp(`^${at} `) })).toBeInViewport();
    if ((await holder.count()) !== 1) continue;
    const pid = Number((await holder.getAttribute('aria-label'))!.match(/^pid (\d+)/)![1]);
    holders.add(pid);
    // The Inspector's restart ctx follows the baton from task to task.
    await expect(inspector.getByText(new RegExp(`→ pid ${pid}$`))).toBeVisible();
  }
  expect(holders.size).toBeGreaterThanOrEqual(3);
  // The selected task is still the one the Inspector shows, at this step.
  await expect(
    inspector.getByRole('heading', { name: `task_struct · pid ${selected}` }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Step back' }).click();
  await expect(step).toHaveText(`Step ${at - 1} of ${total}`);
  await expect(log.getByRole('button', { name: new RegExp(`^${at - 1} `) })).toBeInViewport();
  await expect(
    app.getByRole('treeitem', { name: /^restart coordinator, waiting \d+ of 50000/ }),
  ).toBeVisible();

  // 700,025 rows are 13.3 million px, past the event log's scroll cap (scaledScroll.ts): its
  // last row and its first are reached, and the wheel moves the rows by its own px.
  const row = (n: number) => log.getByRole('button', { name: new RegExp(`^${n} `) });
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(step).toHaveText(`Step ${total} of ${total}`);
  await expect(row(total)).toBeInViewport();
  await app.getByRole('button', { name: 'First step' }).click();
  await expect(step).toHaveText(`Step 0 of ${total}`);
  await expect(row(1)).toBeInViewport();
  await row(1).hover();
  // Thirty rows of wheel: row 31 comes into view at the top (a scaled-up scroll would pass it).
  await app.mouse.wheel(0, 30 * 19);
  await expect(row(31)).toBeInViewport();
  await expect(row(20)).not.toBeInViewport();
});
