import { expect, stepText, test, type Page } from './fixtures';

/** Open… in the tree's header shows the gallery. */
async function openGallery(app: Page) {
  await app.getByRole('button', { name: 'Open…' }).click();
  const gallery = app.getByRole('dialog', { name: 'Examples' });
  await expect(gallery).toBeVisible();
  return gallery;
}

const scenarioTitle = (app: Page) => app.getByLabel('Scenario').locator('.scenario-title');

test('a first visit points at Lesson 1 and the gallery; the default tree stays usable', async ({
  app,
}) => {
  const welcome = app.getByRole('region', { name: 'Welcome' });
  await expect(welcome).toBeVisible();
  // The default tree is there and works with the hint showing.
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker/ })).toBeVisible();
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Thaw', exact: true })).toBeEnabled();
  await welcome.getByRole('button', { name: /^Lesson 1: / }).click();
  await expect(welcome).toBeHidden();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  await expect(
    lesson.getByRole('heading', { name: 'What a zombie is, and how wait reaps it' }),
  ).toBeVisible();
  await expect(lesson.getByText('Caption 1 of 5')).toBeVisible();
  // A saved session is not a first visit: after a reload the hint stays away.
  await app.reload();
  await expect(app.getByRole('tree', { name: 'Process tree' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Welcome' })).toHaveCount(0);
});

test('the gallery shows every group; an example opens by its name', async ({ app }) => {
  await app
    .getByRole('region', { name: 'Welcome' })
    .getByRole('button', { name: 'Browse examples' })
    .click();
  const gallery = app.getByRole('dialog', { name: 'Examples' });
  for (const group of ['Lessons', 'Zombies', 'Protocol bugs', 'Large trees']) {
    await expect(gallery.getByRole('region', { name: group })).toBeVisible();
  }
  const three = gallery.getByRole('button', {
    name: 'Three zombies survive checkpoint and restart',
  });
  await expect(three).toHaveAccessibleDescription(/exit statuses .* 5 tasks$/);
  await expect(gallery.getByRole('button', { name: '100,000 tasks' })).toHaveAccessibleDescription(
    /100,000 tasks$/,
  );
  await gallery.getByRole('region', { name: 'Large trees' }).scrollIntoViewIfNeeded();
  await three.click();
  await expect(gallery).toBeHidden();
  await expect(scenarioTitle(app)).toHaveText('Three zombies survive checkpoint and restart');
  await expect(app.getByRole('treeitem', { name: /^pid 2 parent/ })).toBeVisible();
  // The shortcut opens it too, and Escape closes it without changing anything.
  await app.getByRole('tree', { name: 'Process tree' }).focus();
  await app.keyboard.press('o');
  await expect(gallery).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(gallery).toBeHidden();
  await expect(scenarioTitle(app)).toHaveText('Three zombies survive checkpoint and restart');
});

test('the gallery opens every example that is not a large tree', async ({ app }) => {
  test.setTimeout(120_000);
  const gallery = await openGallery(app);
  const names = await gallery
    .getByRole('region')
    .filter({ hasNot: app.getByRole('heading', { name: 'Large trees' }) })
    .getByRole('button')
    .allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(15);
  await gallery.getByRole('button', { name: 'Close' }).click();
  for (const name of names) {
    const g = await openGallery(app);
    await g.getByRole('button', { name, exact: true }).click();
    await expect(g).toBeHidden();
    const title = name.replace(/^Lesson \d+: /, '');
    await expect(scenarioTitle(app)).toHaveText(title);
    await expect(app.getByRole('button', { name: /^Dismiss: / })).toHaveCount(0);
  }
});

test('a large example shows the engine progress and opens', async ({ app }) => {
  test.setTimeout(180_000);
  let gallery = await openGallery(app);
  await gallery.getByRole('button', { name: '100,000 tasks' }).click();
  await expect(gallery).toBeHidden();
  const bar = app.getByRole('progressbar', { name: 'Engine progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', /Step \d of 4/, { timeout: 60_000 });
  await app.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(bar).toBeHidden();

  gallery = await openGallery(app);
  await gallery.getByRole('button', { name: '2,000 tasks' }).click();
  await expect(stepText(app)).toHaveText(/^Step (\d{5,}) of \1$/, { timeout: 120_000 });
  await expect(scenarioTitle(app)).toHaveText('2,000 tasks: checkpoint and restart a busy server');
  // A tree this big is drawn on a canvas with the items in view in the DOM: the last task is
  // found as a user finds one out of view, with Find task.
  await app.getByRole('searchbox', { name: 'Find task' }).fill('2000');
  await app.getByRole('searchbox', { name: 'Find task' }).press('Enter');
  await expect(app.getByRole('treeitem', { name: /^pid 2000 / })).toBeFocused();
});
