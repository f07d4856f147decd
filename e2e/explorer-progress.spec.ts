import { writeFileSync } from 'node:fs';
import { largeTree } from '../src/engine/scenario/large-tree';
import type { Scenario } from '../src/engine/scenario/types';
import { expect, selectTask, test } from './fixtures';

/** A 50-task restart: under `naive` its exploration runs for minutes, long enough to watch. */
const LONG: Scenario = {
  format: 'crviz-scenario/1',
  name: 'explore-50',
  variant: 'naive',
  tree: largeTree(50),
  steps: [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ],
};

const statesIn = (text: string | null) =>
  Number(/([\d,]+) states/.exec(text ?? '')?.[1].replace(/,/g, '') ?? -1);

test('a long exploration shows live progress, leaves the page usable, and cancels with its partial counts', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const path = testInfo.outputPath('explore-50.json');
  writeFileSync(path, JSON.stringify(LONG));
  await app.getByLabel('Open scenario file').setInputFiles(path);
  await expect(app.getByRole('treeitem', { name: /^pid 50 / })).toBeVisible({ timeout: 60_000 });
  const explorer = app.getByRole('region', { name: 'Explorer' });
  await explorer.getByRole('combobox', { name: 'Variant' }).selectOption('naive');
  await explorer.getByRole('button', { name: 'Explore interleavings' }).click();

  const progress = explorer.getByRole('status', { name: 'Exploration progress' });
  await expect(progress).toHaveText(/exploring: [\d,]+ states, depth \d+, [\d,]+ states\/s/, {
    timeout: 30_000,
  });
  const first = statesIn(await progress.textContent());
  // The count moves while the search runs.
  await expect
    .poll(async () => statesIn(await progress.textContent()), { timeout: 30_000 })
    .toBeGreaterThan(first);
  // The page answers meanwhile: a task can be selected and inspected.
  await selectTask(app, 5);
  await expect(
    app.getByRole('region', { name: 'Inspector' }).getByText('task_struct · pid 5'),
  ).toBeVisible();

  const before = statesIn(await progress.textContent());
  await explorer.getByRole('button', { name: 'Cancel', exact: true }).click();
  const cancelled = explorer.getByRole('status', { name: 'Exploration cancelled' });
  await expect(cancelled).toHaveText(/^Cancelled after [\d,]+ states and [\d,]+ schedules/);
  expect(statesIn(await cancelled.textContent())).toBeGreaterThanOrEqual(before);
  await expect(progress).toBeHidden();
  await expect(explorer.getByText(/, cancelled\)/)).toBeVisible();
  // The engine is the same worker, still working: exploring again runs.
  await expect(explorer.getByRole('button', { name: 'Explore interleavings' })).toBeEnabled();
});
