import { expect, selectTask, stepText, test, type Page } from './fixtures';

/** Opens `url` in a fresh page of the same context and collects its console errors. */
async function openPage(app: Page, url: string) {
  const page = await app.context().newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

async function share(app: Page): Promise<string> {
  await app.getByRole('button', { name: 'Share', exact: true }).click();
  const field = app.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#crviz=1&/);
  return field.inputValue();
}

test('a shared link opens the same step and selection in a new page', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  await app.getByRole('button', { name: 'Step back' }).click();
  await app.getByRole('button', { name: 'Step back' }).click();
  await selectTask(app, 3);
  const step = await stepText(app).textContent();
  const link = await share(app);

  const { page, errors } = await openPage(app, link);
  await expect(stepText(page)).toHaveText(step!);
  await expect(page.getByRole('treeitem', { name: /^pid 3 bash/, selected: true })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Image' }).getByText('ckpt1.ckpt')).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

test('a lesson link opens the lesson at its caption', async ({ app }) => {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app.getByRole('button', { name: 'The v17 restart context leak' }).click();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(lesson.getByText('Caption 3 of 6')).toBeVisible();
  const link = await share(app);
  const { page, errors } = await openPage(app, link);
  await expect(
    page.getByRole('region', { name: 'Lesson' }).getByText('Caption 3 of 6'),
  ).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

test('embed mode shows only the tree and the timeline, without shortcuts', async ({ app }) => {
  const { page, errors } = await openPage(app, '/?embed=1');
  await expect(page.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await page.getByRole('treeitem', { name: /^pid 1 init/ }).click();
  await page.keyboard.press('z');
  await page.waitForTimeout(300);
  await expect(page.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('a tampered link gets a notice and the default tree', async ({ app }) => {
  const link = await share(app);
  const tampered = link.replace(/s=z(.{8})/, 's=z!!!!!!!!');
  const { page } = await openPage(app, tampered);
  await expect(page.getByRole('alert', { name: 'Notices' })).toContainText(
    'The link could not be opened',
  );
  await expect(page.getByRole('treeitem', { name: 'pid 4 make zombie, exited 2' })).toBeVisible();
  await page.close();
});

test('the session survives a reload', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await selectTask(app, 5);
  await app.getByRole('button', { name: 'Step back' }).click();
  const step = await stepText(app).textContent();
  await app.waitForTimeout(400);
  await app.reload();
  await expect(stepText(app)).toHaveText(step!);
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker/, selected: true })).toBeVisible();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
});
