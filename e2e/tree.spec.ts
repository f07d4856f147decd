import { benchRestart } from '../bench/trees';
import { expect, openScenarioFile, test } from './fixtures';

test('the default tree and each default task are found by role and name', async ({ app }) => {
  const tree = app.getByRole('tree', { name: 'Process tree' });
  for (const name of [
    'pid 1 init running',
    'pid 2 sshd running',
    'pid 3 bash running',
    'pid 4 make zombie, exited 2',
    'pid 5 worker running',
  ]) {
    await expect(tree.getByRole('treeitem', { name, exact: true })).toBeVisible();
  }
  await expect(app.getByRole('treeitem')).toHaveCount(5);
  for (const region of ['Event log', 'Timeline', 'Inspector', 'Image']) {
    await expect(app.getByRole('region', { name: region })).toBeVisible();
  }
});

test('the keyboard moves through the tree and Enter selects', async ({ app }) => {
  await app.getByRole('treeitem', { name: 'pid 1 init running' }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('treeitem', { name: /^pid 2 sshd/ })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('treeitem', { name: /^pid 4 make/ })).toBeFocused();
  await app.keyboard.press('Enter');
  const inspector = app.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByText('task_struct · pid 4')).toBeVisible();
  await expect(inspector.getByText('512 (exited 2)')).toBeVisible();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByRole('treeitem', { name: /^pid 3 bash/ })).toBeFocused();
});

test('disabled actions say why, and ? opens the help sheet', async ({ app }) => {
  const restart = app.getByRole('button', { name: 'Restart', exact: true });
  await expect(restart).toBeDisabled();
  await expect(restart).toHaveAttribute('title', /Restart needs an image: checkpoint first/);
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Restart needs an image: checkpoint first')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the help sheet’s Now column follows the explorer while the sheet is open', async ({
  app,
}) => {
  test.setTimeout(120_000);
  // An 8-task restart, whose naive exploration runs for seconds (the default tree's finished
  // in a fraction of one, at times before the sheet was read).
  await openScenarioFile(app, benchRestart(8), 'restart-8.json');
  await expect(app.getByRole('treeitem', { name: /^pid 8 / })).toBeVisible({ timeout: 60_000 });
  const explorer = app.getByRole('region', { name: 'Explorer' });
  await explorer.getByRole('combobox', { name: 'Variant' }).selectOption('naive');
  await explorer.getByRole('button', { name: 'Explore interleavings' }).click();
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const now = (action: string) =>
    sheet
      .getByRole('row')
      .filter({ has: app.getByRole('cell', { name: action, exact: true }) })
      .getByRole('cell')
      .last();
  // While the explorer runs, the steps wait for the engine and the run can be cancelled.
  await expect(now('Cancel run')).toHaveText('available');
  await expect(now('Fork')).toHaveText('The engine is busy');
  // When it is done, the open sheet says so without being reopened.
  await expect(now('Cancel run')).toHaveText('The engine is not running anything', {
    timeout: 90_000,
  });
  await expect(now('Open counterexample')).toHaveText('available');
});

test('the command palette runs an action from the registry', async ({ app }) => {
  await app.getByRole('treeitem', { name: /^pid 3 bash/ }).click();
  await app.keyboard.press('Control+k');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', { name: 'Command' }).fill('fork');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.getByRole('treeitem', { name: /^pid 6 bash running/ })).toBeVisible();
});
