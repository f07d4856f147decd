import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('download an image, upload it back, and a damaged upload is refused', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  const images = app.getByRole('region', { name: 'Image' });
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    images.getByRole('button', { name: 'Download ckpt1.ckpt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ckpt1.ckpt');
  const bytes = readFileSync((await download.path())!);

  const upload = app.getByLabel('Upload image file');
  await upload.setInputFiles({
    name: 'cut.ckpt',
    mimeType: 'application/octet-stream',
    buffer: bytes.subarray(0, 300),
  });
  await expect(app.getByRole('alert').getByText(/^cut\.ckpt: E[A-Z]+ at offset \d+/)).toBeVisible();
  await expect(images.getByText('cut.ckpt')).toHaveCount(0);

  await upload.setInputFiles({
    name: 'good.ckpt',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(images.getByText('good.ckpt', { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Restart', exact: true })).toBeEnabled();
});

test('patch a task field to make a bad image, then the restart fails', async ({ app }) => {
  for (const name of ['Freeze', 'Checkpoint']) {
    await app.getByRole('button', { name, exact: true }).click();
  }
  const images = app.getByRole('region', { name: 'Image' });
  await expect(images.getByText('ckpt1.ckpt')).toBeVisible();
  await images.getByRole('button', { name: 'View ckpt1.ckpt' }).click();
  const view = app.getByRole('dialog', { name: 'Image ckpt1' });
  await expect(view.getByText(/valid$/)).toBeVisible();
  const form = view.getByRole('form', { name: 'Patch a field' });
  await form.getByRole('combobox', { name: 'pid' }).selectOption('4');
  await form.getByRole('combobox', { name: 'Field' }).selectOption('exit_code');
  await form.getByRole('textbox', { name: 'Value' }).fill('99999');
  await form.getByRole('button', { name: 'Patch' }).click();
  // The layout still decodes; restart's record checks are what refuse the bad exit code.
  await expect(view.getByRole('list', { name: 'Records' })).toContainText('exit_code=99999');
  await view.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('button', { name: 'Destroy', exact: true }).click();
  await app.getByRole('button', { name: 'Restart', exact: true }).click();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(app.getByRole('alert').getByText(/^restart failed: E[A-Z]+/)).toBeVisible();
  await expect(app.getByRole('treeitem', { name: /^restart coordinator, failed/ })).toBeVisible();
});
