import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';

/** Issue 16, item 6: the image view field by field, patched copies, renamed uploads, compare. */

async function checkpoint(app: Page) {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Image' }).getByText('ckpt1.ckpt')).toBeVisible();
}

test('hovering or focusing a field marks exactly its bytes and scrolls the dump to them', async ({
  app,
}) => {
  await checkpoint(app);
  await app
    .getByRole('region', { name: 'Image' })
    .getByRole('button', { name: 'View ckpt1.ckpt' })
    .click();
  const view = app.getByRole('dialog', { name: 'Image ckpt1' });
  const dump = view.getByLabel('Hex dump');
  const records = view.getByRole('list', { name: 'Records' });
  await expect(view.getByRole('status', { name: 'Verdict' })).toHaveText('valid');

  // Offsets in hex, as in the dump; the dump has an ASCII column.
  await expect(records.getByRole('listitem', { name: 'BUFFER @000038' })).toBeVisible();
  await expect(dump).toContainText('000030');
  await expect(dump).toContainText('2.6.31');

  // make (pid 4) exited 2: exit_code 512 is 00 02 00 00, four bytes and no more.
  const task4 = records.getByRole('listitem', { name: /^TASK · pid 4 / });
  await task4.getByRole('button', { name: 'exit_code=512' }).hover();
  await expect(dump.locator('mark')).toHaveText(['00', '02', '00', '00']);
  await expect(
    view.getByText(/^TASK · pid 4 @[0-9a-f]{6} · exit_code: 4 bytes at [0-9a-f]{6}$/),
  ).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('image-field-hover.png') });

  // By keyboard: the comm STRING of pid 4 is its 16 bytes.
  await records
    .getByRole('listitem', { name: /^STRING · comm of pid 4 / })
    .getByRole('button', { name: 'comm=make' })
    .focus();
  await expect(dump.locator('mark')).toHaveCount(16);
  await expect(dump.locator('mark').first()).toHaveText('6d'); // "m"

  // The TAIL is at the end of the dump, out of view: focusing its magic scrolls there.
  const tail = records.getByRole('listitem', { name: /^TAIL / });
  await tail.getByRole('button', { name: /^magic=/ }).focus();
  await expect(dump.locator('mark')).toHaveCount(8);
  await expect(dump.locator('mark').last()).toBeInViewport();

  // Hovering a byte lights its field.
  await dump.getByText('2.6.31').hover();
  await expect(view.getByText(/^BUFFER @000038 · value: 65 bytes at 000040$/)).toBeVisible();
});

test('patching a field makes a new image, re-validated by the engine; then a second', async ({
  app,
}) => {
  await checkpoint(app);
  const images = app.getByRole('region', { name: 'Image' });
  await images.getByRole('button', { name: 'View ckpt1.ckpt' }).click();
  let view = app.getByRole('dialog', { name: 'Image ckpt1' });
  // Clicking a task field picks it in the patch form.
  await view
    .getByRole('list', { name: 'Records' })
    .getByRole('listitem', { name: /^TASK · pid 4 / })
    .getByRole('button', { name: 'exit_code=512' })
    .click();
  const form = view.getByRole('form', { name: 'Patch a field' });
  await expect(form.getByRole('combobox', { name: 'pid' })).toHaveValue('4');
  await expect(form.getByRole('combobox', { name: 'Field' })).toHaveValue('exit_code');
  await expect(form.getByRole('textbox', { name: 'Value' })).toHaveValue('512');
  await form.getByRole('textbox', { name: 'Value' }).fill('0x10000');
  await form.getByRole('button', { name: 'Patch' }).click();

  view = app.getByRole('dialog', { name: 'Image ckpt1-patched' });
  await expect(view.getByRole('status', { name: 'Verdict' })).toHaveText(
    'invalid: pid 4: exit_code 0x10000 fails valid_exit_code',
  );
  await app.screenshot({ path: test.info().outputPath('image-patched-invalid.png') });
  await expect(images.getByText('ckpt1.ckpt', { exact: true })).toBeAttached();
  await expect(images.getByText('ckpt1-patched.ckpt', { exact: true })).toBeAttached();

  const form2 = view.getByRole('form', { name: 'Patch a field' });
  await form2.getByRole('combobox', { name: 'pid' }).selectOption('4');
  await form2.getByRole('combobox', { name: 'Field' }).selectOption('exit_code');
  await form2.getByRole('textbox', { name: 'Value' }).fill('9');
  await form2.getByRole('button', { name: 'Patch' }).click();
  view = app.getByRole('dialog', { name: 'Image ckpt1-patched-2' });
  // Killed by SIGKILL is a status a zombie may have: restart accepts it.
  await expect(view.getByRole('status', { name: 'Verdict' })).toHaveText('valid');
  await view.getByRole('button', { name: 'Close' }).click();

  // Compare the original with the first patch: one record differs, in exit_code.
  await images.getByRole('button', { name: 'Compare images' }).click();
  const cmp = app.getByRole('dialog', { name: 'Compare images' });
  await cmp.getByRole('combobox', { name: 'Image A' }).selectOption('ckpt1');
  await cmp.getByRole('combobox', { name: 'Image B' }).selectOption('ckpt1-patched');
  await expect(cmp.getByRole('status')).toContainText(/^1 of \d+ records differ\./);
  await expect(cmp.getByRole('status')).toContainText('B: invalid: pid 4: exit_code 0x10000');
  const table = cmp.getByRole('table', { name: 'Records compared' });
  await expect(table.getByRole('row').filter({ hasText: '≠' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: '≠' }).getByRole('cell')).toHaveText([
    '≠ differs',
    'exit_code',
    '512',
    '65536',
  ]);
  await app.screenshot({ path: test.info().outputPath('image-compare.png') });
  await cmp.getByRole('checkbox', { name: 'Only differing fields' }).uncheck();
  await expect(table.getByRole('row').filter({ hasText: 'comm' }).first()).toBeVisible();
});

test('an upload with a name in use is renamed and says so', async ({ app }) => {
  await checkpoint(app);
  const images = app.getByRole('region', { name: 'Image' });
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    images.getByRole('button', { name: 'Download ckpt1.ckpt' }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  const upload = app.getByLabel('Upload image file');
  await upload.setInputFiles({
    name: 'ckpt1.ckpt',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(images.getByText('ckpt1-2.ckpt', { exact: true })).toBeVisible();
  await expect(
    app
      .getByRole('alert')
      .getByText('ckpt1.ckpt is already in use: ckpt1.ckpt was uploaded as ckpt1-2.ckpt'),
  ).toBeVisible();
  await upload.setInputFiles({
    name: 'ckpt1.ckpt',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(images.getByText('ckpt1-3.ckpt', { exact: true })).toBeVisible();
  // The original is still the checkpoint's own.
  await expect(images.getByText('ckpt1.ckpt', { exact: true })).toBeVisible();
});

test('a step shows the image it had: a later patch in place does not show at the checkpoint', async ({
  app,
}) => {
  const scenario = {
    format: 'crviz-scenario/1',
    name: 'patched-in-place',
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'sh' },
      { pid: 3, ppid: 2, comm: 'make', state: 'zombie', exit_code: 512 },
    ],
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'patch', image: 'a', pid: 3, field: 'exit_code', value: 768 },
    ],
  };
  await app.getByLabel('Open scenario file').setInputFiles({
    name: 'patched-in-place.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await expect(app.getByText('patched-in-place', { exact: true })).toBeVisible();
  const images = app.getByRole('region', { name: 'Image' });
  const exitCodeOf3 = async () => {
    await images.getByRole('button', { name: 'View a.ckpt' }).click();
    const view = app.getByRole('dialog', { name: 'Image a' });
    const task3 = view.getByRole('list', { name: 'Records' }).getByRole('listitem', {
      name: /^TASK · pid 3 /,
    });
    const text = await task3.getByRole('button', { name: /^exit_code=/ }).textContent();
    await view.getByRole('button', { name: 'Close' }).click();
    return text;
  };
  // At the end the patch has rewritten a in place.
  expect(await exitCodeOf3()).toBe('exit_code=768');
  // One step back is the checkpoint's last frame: a as the checkpoint wrote it.
  await app.getByRole('button', { name: 'Step back' }).click();
  expect(await exitCodeOf3()).toBe('exit_code=512');
});
