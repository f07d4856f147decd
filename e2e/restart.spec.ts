import { checkpointAndRestart, expect, stepText, test } from './fixtures';

test('Freeze, Checkpoint, Destroy, Restart and step through the restart', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();

  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  const image = app.getByRole('region', { name: 'Image' });
  await expect(image.getByText('ckpt1.ckpt')).toBeVisible();
  await expect(image.getByText(/\d+ bytes/)).toBeVisible();
  await image.getByRole('button', { name: 'View ckpt1.ckpt' }).click();
  const view = app.getByRole('dialog', { name: 'Image ckpt1' });
  await expect(view.getByText(/valid$/)).toBeVisible();
  const records = view.getByRole('list', { name: 'Records' });
  await expect(records.getByText('HEADER', { exact: true })).toBeVisible();
  await expect(records.getByText('TAIL', { exact: true })).toBeVisible();
  await expect(view.getByLabel('Hex dump')).toContainText('000000');
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toBeHidden();

  await app.getByRole('button', { name: 'Destroy', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init/ })).toHaveCount(0);

  const step = stepText(app);
  const beforeRestart = await step.textContent();
  await app.getByRole('button', { name: 'Restart', exact: true }).click();
  // The worker answers asynchronously: read the position only once the restart is recorded.
  await expect(step).not.toHaveText(beforeRestart!);
  const first = await step.textContent();

  await app.getByRole('button', { name: 'Step forward' }).click();
  await expect(step).not.toHaveText(first!);
  const second = await step.textContent();
  await app.getByRole('button', { name: 'Step back' }).click();
  await expect(step).toHaveText(first!);
  await app.getByRole('button', { name: 'Step forward' }).click();
  await expect(step).toHaveText(second!);

  // Walk to the middle of the protocol: some task holds active_pid.
  for (let i = 0; i < 60; i++) {
    if ((await app.getByRole('treeitem', { name: /holds active_pid/ }).count()) > 0) break;
    await app.getByRole('button', { name: 'Step forward' }).click();
  }
  await expect(app.getByRole('treeitem', { name: /holds active_pid/ })).toHaveCount(1);
  await expect(
    app.getByRole('treeitem', { name: /^restart coordinator, waiting \d+ of 5/ }),
  ).toBeVisible();

  await app.getByRole('button', { name: 'Last step' }).click();
  const [n, m] = (await step.textContent())!.match(/\d+/g)!.map(Number);
  expect(n).toBe(m);
  await expect(app.getByRole('treeitem', { name: 'pid 4 make zombie, exited 2' })).toBeVisible();
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker running/ })).toBeVisible();

  await app.getByRole('button', { name: 'First step' }).click();
  await expect(step).toHaveText(`Step 0 of ${m}`);
  await expect(app.getByRole('region', { name: 'Event log' }).getByText('(initial)')).toBeVisible();
});

test('Play runs the timeline and Pause stops it', async ({ app }) => {
  // A restart gives a timeline long enough to press Pause in the middle of it.
  await checkpointAndRestart(app);
  await app.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await app.getByRole('button', { name: 'First step' }).click();
  await expect(stepText(app)).toHaveText(/^Step 0 of \d+$/);
  await app.getByRole('button', { name: 'Play' }).click();
  const pause = app.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  // Playing: the step moves on by itself.
  await expect(stepText(app)).toHaveText(/^Step ([3-9]|\d\d+) of \d+$/);
  await pause.click();
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
  const at = (await stepText(app).textContent())!;
  expect(at).not.toMatch(/^Step (\d+) of \1$/);
  // Paused: several playback ticks (175 ms at 4x) later the step is still where Pause left it.
  await app.waitForTimeout(1_000);
  await expect(stepText(app)).toHaveText(at);
});
