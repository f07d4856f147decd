import { writeFileSync } from 'node:fs';
import { benchScenario } from '../bench/trees';
import { expect, selectTask, test } from './fixtures';

test('a killed worker is restarted with a visible notice and the scenario kept', async ({
  app,
}) => {
  await selectTask(app, 5);
  await app.getByRole('button', { name: 'Kill', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker zombie/ })).toBeVisible();

  await app.evaluate(() => window.__crviz!.killWorker());
  // Noticed at once (the worker's life lock), not after a ping times out.
  await expect(
    app.getByText(
      'The engine stopped (the engine worker died) and was restarted; your scenario was kept.',
    ),
  ).toBeVisible({ timeout: 1_000 });

  // The tree and the session's scenario are intact...
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker zombie/ })).toBeVisible();
  expect(await app.evaluate(() => window.__crviz!.scenarioSteps())).toBe(1);
  // ...and actions still work on the new worker.
  await selectTask(app, 3);
  await app.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 6 bash running/ })).toBeVisible();
  expect(await app.evaluate(() => window.__crviz!.restarts())).toBe(1);
});

test('a worker killed in the middle of an 8,000-task load: the file just opened is loaded again', async ({
  app,
}, testInfo) => {
  const s = benchScenario(8000);
  s.name = 'big-8000';
  s.steps = [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ];
  const path = testInfo.outputPath('big-8000.json');
  writeFileSync(path, JSON.stringify(s));
  await app.getByLabel('Open scenario file').setInputFiles(path);
  await expect(app.getByRole('progressbar', { name: 'Engine progress' })).toBeVisible();
  await app.evaluate(() => window.__crviz!.killWorker());
  // Killed in the middle of recording 112,000 events (every event is a frame up to 10,000
  // tasks): Chromium tears the worker down, and lets its life lock go, only once it has
  // interrupted the running script, 2.8 s after the kill on a loaded 2-core machine.
  await expect(
    app.getByText(
      'The engine stopped (the engine worker died) and was restarted; what it was doing (running the scenario) was sent again.',
    ),
  ).toBeVisible({ timeout: 10_000 });
  await expect(app.getByText('big-8000', { exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await app.evaluate(() => window.__crviz!.restarts())).toBe(1);
});
