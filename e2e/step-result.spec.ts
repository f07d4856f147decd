import { checkpointAndRestart, expect, selectTask, stepText, test, type Page } from './fixtures';

const button = (app: Page, name: string) => app.getByRole('button', { name, exact: true });

/** "Step N of M" as [N, M]. */
async function stepNumbers(app: Page): Promise<[number, number]> {
  const [n, m] = (await stepText(app).textContent())!.match(/\d+/g)!.map(Number);
  return [n, m];
}

test('the image a Checkpoint wrote is listed as written at its own step', async ({ app }) => {
  await button(app, 'Freeze').click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();
  await button(app, 'Checkpoint').click();
  const images = app.getByRole('region', { name: 'Image' });
  await expect(images.getByText('ckpt1.ckpt')).toBeVisible();
  // The cursor is on the checkpoint's last step, the end of the timeline.
  const [n, m] = await stepNumbers(app);
  expect(n).toBe(m);
  await expect(images.getByText('(written later)')).toHaveCount(0);
  await expect(images.getByRole('button', { name: 'View ckpt1.ckpt' })).toBeEnabled();
  // Highlighted with its record count, without a dialog in the way of the next action.
  await expect(images.getByRole('status')).toHaveText(/^written at this step · \d+ records$/);
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(button(app, 'Destroy')).toBeEnabled();

  // Going back one step: not written yet; coming back: written again.
  await app.getByRole('button', { name: 'Step back' }).click();
  await expect(images.getByText('(written later)')).toBeVisible();
  await app.getByRole('button', { name: 'Step forward' }).click();
  await expect(images.getByText('(written later)')).toHaveCount(0);
  await expect(images.getByRole('status')).toHaveText(/written at this step/);
});

test('Lesson 2 ends with a.ckpt written, as its caption says', async ({ app }) => {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app
    .getByRole('dialog', { name: 'Lessons' })
    .getByRole('button', { name: 'What checkpoint saves' })
    .click();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  while (await next.isEnabled()) await next.click();
  await expect(lesson.getByText(/press View on a\.ckpt/)).toBeVisible();
  const images = app.getByRole('region', { name: 'Image' });
  await expect(images.getByText('a.ckpt')).toBeVisible();
  await expect(images.getByText('(written later)')).toHaveCount(0);
  await images.getByRole('button', { name: 'View a.ckpt' }).click();
  await expect(app.getByRole('dialog', { name: 'Image a' }).getByText(/valid$/)).toBeVisible();
});

test('a container whose init exited and was reaped is gone', async ({ app }) => {
  await selectTask(app, 1);
  await button(app, 'Exit').click();
  const log = app.getByRole('region', { name: 'Event log' });
  await expect(log.getByText(/container 1 is gone/)).toBeVisible();
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(app.getByRole('treeitem', { name: /^pid 1 / })).toHaveCount(0);
  await expect(tree.getByText('container 1 · gone')).toBeVisible();
  for (const name of ['Freeze', 'Checkpoint', 'Destroy', 'Thaw']) {
    await expect(button(app, name)).toBeDisabled();
    await expect(button(app, name)).toHaveAttribute('title', /destroyed|gone|not frozen/);
  }
});

test('a destroyed container is not FROZEN and offers no container action', async ({ app }) => {
  await button(app, 'Freeze').click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();
  await button(app, 'Destroy').click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 / })).toHaveCount(0);
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(tree.getByText('container 1 · gone')).toBeVisible();
  await expect(tree.getByText(/FROZEN/)).toHaveCount(0);
  for (const name of ['Freeze', 'Thaw', 'Checkpoint', 'Destroy']) {
    await expect(button(app, name)).toBeDisabled();
    await expect(button(app, name)).toHaveAttribute('title', /destroyed/);
  }
});

test('an error notice belongs to the step that failed', async ({ app }) => {
  await button(app, 'Checkpoint').click();
  const alert = app.getByRole('alert', { name: 'Notices' });
  await expect(alert.getByText(/^checkpoint failed: EBUSY/)).toBeVisible();
  // A later success: the failure is no longer the step on screen.
  await button(app, 'Freeze').click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();
  await expect(alert.getByText(/checkpoint failed/)).toHaveCount(0);
  // Back on the failed step (its error), the notice is its result again; moving on, gone.
  await app.getByRole('button', { name: 'First error' }).click();
  await expect(alert.getByText(/^checkpoint failed: EBUSY/)).toBeVisible();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(alert.getByText(/checkpoint failed/)).toHaveCount(0);
});

test('a Variant picked after the run marks the trace and findings stale and re-runs', async ({
  app,
}) => {
  await checkpointAndRestart(app);
  const explorer = app.getByRole('region', { name: 'Explorer' });
  await explorer.getByRole('button', { name: 'Explore interleavings' }).click();
  await expect(explorer.getByText(/no invariant violated|invariant\(s\) violated/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(app.getByRole('status', { name: 'Stale result' })).toHaveCount(0);

  await explorer.getByRole('combobox', { name: 'Variant' }).selectOption('naive');
  const stale = app.getByRole('status', { name: 'Stale result' });
  await expect(stale).toContainText('Variant is naive, but this trace ran under v18-28');
  await expect(stale).toContainText('the explorer’s findings are for v18-28');
  await stale.getByRole('button', { name: 'Re-run', exact: true }).click();
  await expect(stale).not.toContainText('this trace ran under');
  await app.getByRole('button', { name: 'Last step' }).click();
  const inspector = app.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByText('naive', { exact: true })).toBeVisible();
  await stale.getByRole('button', { name: 'Explore again' }).click();
  await expect(explorer.getByText(/invariant\(s\) violated/)).toBeVisible({ timeout: 60_000 });
  await expect(stale).toHaveCount(0);
});
