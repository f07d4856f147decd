import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('download an image, upload it back, and a damaged upload is refused', async ({
  app,
  snap,
}) => {
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
  await snap('damaged-upload');

  await upload.setInputFiles({
    name: 'good.ckpt',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(images.getByText('good.ckpt', { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Restart', exact: true })).toBeEnabled();
});
