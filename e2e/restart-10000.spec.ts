import { writeFileSync } from 'node:fs';
import { benchScenario } from '../bench/trees';
import { expect, stepText, test } from './fixtures';

test('a 10,000-task restart is recorded event by event: stepped one event at a time, a task found by role and name', async ({
  app,
}, testInfo) => {
  test.setTimeout(300_000);
  const s = benchScenario(10_000);
  s.steps = [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ];
  const file = testInfo.outputPath('restart-10000.json');
  writeFileSync(file, JSON.stringify(s));
  await app.getByLabel('Open scenario file').setInputFiles(file);
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
});
