import { expect, selectTask, test } from './fixtures';

test('Kill turns a task into a zombie and its name changes', async ({ app }) => {
  await selectTask(app, 5);
  await expect(app.getByRole('combobox', { name: 'Signal' })).toHaveValue('15');
  await app.getByRole('button', { name: 'Kill', exact: true }).click();
  await expect(
    app.getByRole('treeitem', { name: 'pid 5 worker zombie, killed SIGTERM', exact: true }),
  ).toBeVisible();
});

test('Exit with a status, Fork a child and Wait reaps a zombie', async ({ app }) => {
  await selectTask(app, 2);
  await app.getByRole('spinbutton', { name: 'Exit status' }).fill('3');
  await app.getByRole('button', { name: 'Exit', exact: true }).click();
  await expect(
    app.getByRole('treeitem', { name: 'pid 2 sshd zombie, exited 3', exact: true }),
  ).toBeVisible();

  await selectTask(app, 5);
  await app.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 6 worker running/ })).toBeVisible();

  await selectTask(app, 3);
  await app.getByRole('button', { name: 'Wait', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 4 / })).toHaveCount(0);
});

test('a failed action shows its errno and message', async ({ app }) => {
  await selectTask(app, 5);
  await app.getByRole('button', { name: 'Wait', exact: true }).click();
  await expect(app.getByRole('alert').getByText(/wait pid 5 failed: ECHILD/)).toBeVisible();
});

test('with reduced motion the tree changes instantly', async ({ app }) => {
  await app.emulateMedia({ reducedMotion: 'reduce' });
  await app.getByRole('treeitem', { name: /^pid 3 bash/ }).click();
  await app.getByRole('button', { name: 'Fork', exact: true }).click();
  const child = app.getByRole('treeitem', { name: /^pid 6 bash running/ });
  await expect(child).toBeVisible();
  // No fade-in: the new card is fully opaque the moment it is there (read once, not awaited).
  expect(await child.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
});
