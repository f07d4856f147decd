import { expect, selectTask, test } from './fixtures';

test('a killed worker is restarted with a visible notice and the scenario kept', async ({
  app,
}) => {
  await selectTask(app, 5);
  await app.getByRole('button', { name: 'Kill', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker zombie/ })).toBeVisible();

  await app.evaluate(() => window.__crviz!.killWorker());
  await expect(
    app.getByText('The engine stopped and was restarted; your scenario was kept.'),
  ).toBeVisible({ timeout: 15_000 });

  // The tree and the session's scenario are intact...
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker zombie/ })).toBeVisible();
  expect(await app.evaluate(() => window.__crviz!.scenarioSteps())).toBe(1);
  // ...and actions still work on the new worker.
  await selectTask(app, 3);
  await app.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 6 bash running/ })).toBeVisible();
  expect(await app.evaluate(() => window.__crviz!.restarts())).toBe(1);
});
