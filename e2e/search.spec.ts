import { checkpointAndRestart, expect, stepText, test, type Page } from './fixtures';

/** Issue 16, item 3: search the event log, find a task, jump by task, function and breakpoint. */

const log = (app: Page) => app.getByRole('region', { name: 'Event log' });
const rows = (app: Page) => log(app).getByRole('listitem').getByRole('button');
const count = (app: Page) => log(app).getByText(/^\d+( of \d+)? events$/);

test('the event log filters by function, pid, errno and text, says how many, and clears', async ({
  app,
}) => {
  // A checkpoint of a running container fails with EBUSY; then a real one.
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  await expect(app.getByRole('alert').getByText(/checkpoint failed: EBUSY/)).toBeVisible();
  await checkpointAndRestart(app);
  const total = Number((await count(app).textContent())!.match(/^(\d+)/)![1]);
  expect(total).toBeGreaterThan(20);

  const filter = log(app).getByRole('searchbox', { name: 'Filter events' });
  await filter.fill('errno:EBUSY');
  await expect(count(app)).toHaveText(new RegExp(`^[1-9]\\d* of ${total} events$`));
  for (const row of await rows(app).all()) await expect(row).toContainText('EBUSY');

  await filter.fill('fn:restore_task_struct pid:4');
  await expect(count(app)).toHaveText(`1 of ${total} events`);
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('zombie record');
  await app.screenshot({ path: test.info().outputPath('search-filtered-log.png') });

  // Clicking a filtered row jumps there, and the row is the current step.
  await rows(app).first().click();
  await expect(log(app).locator('[aria-current="step"]')).toContainText('restore_task_struct');

  await filter.fill('no such words here');
  await expect(count(app)).toHaveText(`0 of ${total} events`);
  await expect(log(app).getByText('No event matches.')).toBeVisible();

  await log(app).getByRole('button', { name: 'Clear filter' }).click();
  await expect(count(app)).toHaveText(`${total} events`);
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();

  // `/` (filter-events) puts the focus in the box.
  await app.getByRole('button', { name: 'Last step' }).focus();
  await app.keyboard.press('/');
  await expect(filter).toBeFocused();
});

test('Find task opens a closed subtree, selects the task and moves the focus to it', async ({
  app,
}) => {
  const tree = app.getByRole('tree', { name: 'Process tree' });
  // Close bash's subtree: make (pid 4) is hidden.
  await tree.getByRole('treeitem', { name: /^pid 3 bash/ }).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: /^pid 3 bash/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(tree.getByRole('treeitem', { name: /^pid 4 make/ })).toHaveCount(0);

  const find = app.getByRole('search', { name: 'Find task' }).getByRole('searchbox');
  await find.fill('4');
  await find.press('Enter');
  const make = tree.getByRole('treeitem', { name: /^pid 4 make/ });
  await expect(make).toBeVisible();
  await expect(make).toHaveAttribute('aria-selected', 'true');
  await expect(make).toBeFocused();
  await expect(make).toBeInViewport();
  await expect(
    app.getByRole('region', { name: 'Inspector' }).getByText('task_struct · pid 4'),
  ).toBeVisible();

  await find.fill('77');
  await find.press('Enter');
  await expect(app.getByRole('search', { name: 'Find task' }).getByRole('status')).toHaveText(
    'No pid 77 in the tree at this step',
  );

  // From the palette, Find task puts the focus in the box.
  await app.keyboard.press('Control+k');
  await app.getByRole('combobox', { name: 'Command' }).fill('find task');
  await app.keyboard.press('Enter');
  await expect(find).toBeFocused();
});

test('. and , jump through a task’s events, > and < through a function’s, R reverse-continues', async ({
  app,
}) => {
  await checkpointAndRestart(app);
  const current = log(app).locator('[aria-current="step"]');
  await app.getByRole('button', { name: 'First step' }).click();
  await app.getByRole('treeitem', { name: /^pid 1 init/ }).click();
  await app.getByRole('button', { name: 'Step forward' }).focus();

  // pid 1's events, forwards then back, by the keys and the palette.
  await app.keyboard.press('.');
  await expect(current).toContainText(/pid:1|pid 1\b/);
  const first = await stepText(app).textContent();
  await app.keyboard.press('.');
  await expect(stepText(app)).not.toHaveText(first!);
  await app.keyboard.press(',');
  await expect(stepText(app)).toHaveText(first!);

  // The function of the current event: the next restore_task_struct is another task's.
  await log(app).getByRole('searchbox', { name: 'Filter events' }).fill('fn:restore_task_struct');
  await rows(app).first().click();
  await log(app).getByRole('button', { name: 'Clear filter' }).click();
  await app.getByRole('button', { name: 'Step forward' }).focus();
  const at = await stepText(app).textContent();
  await app.keyboard.press('>');
  await expect(stepText(app)).not.toHaveText(at!);
  await expect(current).toContainText('restore_task_struct');
  await app.keyboard.press('<');
  await expect(stepText(app)).toHaveText(at!);
  await app.keyboard.press('<');
  await expect(stepText(app)).toHaveText(at!);

  // Reverse continue: a breakpoint on restore_task_struct, from the end back to its last hit.
  await app.keyboard.press('Control+k');
  await app.getByRole('combobox', { name: 'Command' }).fill('break on function');
  await app.keyboard.press('Enter');
  await app.getByRole('button', { name: 'Last step' }).click();
  await app.getByRole('button', { name: 'Step forward' }).focus();
  await app.keyboard.press('R');
  await expect(current).toContainText('restore_task_struct');
  const hit = await stepText(app).textContent();
  await app.keyboard.press('R');
  await expect(stepText(app)).not.toHaveText(hit!);
  await expect(current).toContainText('restore_task_struct');

  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const action of [
    'Filter event log',
    'Find task',
    'Next event of task',
    'Previous event of task',
    'Next event of function',
    'Previous event of function',
    'Reverse continue',
  ]) {
    await expect(sheet.getByRole('cell', { name: action, exact: true })).toBeVisible();
  }
});
