import { checkpointAndRestart, expect, stepText, test, type Page } from './fixtures';

const button = (app: Page, name: string) => app.getByRole('button', { name, exact: true });
const frozenInit = (app: Page) => app.getByRole('treeitem', { name: 'pid 1 init running, frozen' });
const images = (app: Page) => app.getByRole('region', { name: 'Image' });

test('Ctrl+Z undoes scenario edits and Ctrl+Shift+Z redoes them', async ({ app }) => {
  await button(app, 'Freeze').click();
  await expect(frozenInit(app)).toBeVisible();
  await button(app, 'Checkpoint').click();
  await expect(images(app).getByText('ckpt1.ckpt')).toBeVisible();
  await expect(button(app, 'Redo')).toBeDisabled();

  await app.keyboard.press('Control+z');
  await expect(images(app).getByText('ckpt1.ckpt')).toHaveCount(0);
  await expect(frozenInit(app)).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running' })).toBeVisible();
  await expect(button(app, 'Undo')).toBeDisabled();

  await app.keyboard.press('Control+Shift+Z');
  await expect(frozenInit(app)).toBeVisible();
  // The palette runs the same registry action.
  await app.keyboard.press('Control+k');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('redo');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(images(app).getByText('ckpt1.ckpt')).toBeVisible();
  await expect(button(app, 'Redo')).toBeDisabled();
  // A new edit after an undo drops what could have been redone.
  await button(app, 'Undo').click();
  await expect(images(app).getByText('ckpt1.ckpt')).toHaveCount(0);
  await button(app, 'Thaw').click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running' })).toBeVisible();
  await expect(button(app, 'Redo')).toBeDisabled();
});

test('Reset can be undone, back to where the cursor was', async ({ app }) => {
  await checkpointAndRestart(app);
  await app.getByRole('spinbutton', { name: 'Go to step' }).fill('30');
  await app.keyboard.press('Enter');
  await expect(stepText(app)).toHaveText(/^Step 30 of \d+$/);
  const at = await stepText(app).textContent();

  await button(app, 'Reset').click();
  await expect(stepText(app)).toHaveText('Step 0 of 0');
  const alert = app.getByRole('alert', { name: 'Notices' });
  await expect(alert.getByText(/Undo \(Ctrl\+Z\) brings your steps back/)).toBeVisible();
  await button(app, 'Undo').click();
  await expect(stepText(app)).toHaveText(at!);
  await expect(images(app).getByText('ckpt1.ckpt')).toBeVisible();
  await expect(alert.getByText(/brings your steps back/)).toHaveCount(0);
});

test('double-clicking a task that cannot run next says why; running one says what it replaces', async ({
  app,
}) => {
  await checkpointAndRestart(app);
  // Walk on until the restarting tasks exist, each asleep for a ctx.
  const sleeper = app.getByRole('treeitem', {
    name: /^pid 4 restart .*wait_checkpoint_ctx, sleeping/,
  });
  for (let i = 0; i < 40 && (await sleeper.count()) === 0; i++) {
    await button(app, 'Step forward').click();
  }
  await sleeper.dblclick();
  const alert = app.getByRole('alert', { name: 'Notices' });
  await expect(
    alert.getByText(
      'Cannot run next: pid 4 sleeps in wait_checkpoint_ctx until the coordinator hands it the ctx',
    ),
  ).toBeVisible();
  await expect(button(app, 'Run next')).toHaveAttribute('title', /wait_checkpoint_ctx/);

  // The coordinator can run: double-clicking it runs it next, and says what that replaced.
  const before = await stepText(app).textContent();
  await app.getByRole('treeitem', { name: /^restart coordinator, .*runnable/ }).dblclick();
  await expect(stepText(app)).not.toHaveText(before!);
  await expect(
    alert.getByText(/^coord ran next: .*replaced the rest of the recording/),
  ).toBeVisible();
  await expect(alert.getByText(/Cannot run next/)).toHaveCount(0);
  await button(app, 'Undo').click();
  await expect(stepText(app)).toHaveText(before!);
});
