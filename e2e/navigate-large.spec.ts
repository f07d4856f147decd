import { benchRestart, benchScenario } from '../bench/trees';
import { expect, stepText, test, openScenarioFile } from './fixtures';

/**
 * A 2,000-task restart can be navigated: Fit shows cards at a readable size (it drew a strip a
 * pixel high), the overview moves the view, following active_pid keeps the baton in view while
 * the timeline moves, and a big subtree folds with a count of what it hides.
 */
test('a 2,000-task tree: Fit is readable, the overview moves the view, the view follows active_pid, subtrees fold with counts', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await openScenarioFile(app, benchRestart(2000), 'restart-2000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{5,}) of \1$/, { timeout: 120_000 });
  const total = Number((await step.textContent())!.match(/\d+/)![0]);
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(tree).toHaveAttribute('aria-busy', 'false');

  await app.getByRole('button', { name: 'Fit', exact: true }).click();
  const root = app.getByRole('treeitem', { name: /^pid 1 task1 / });
  await expect(root).toBeInViewport();
  // Readable: a card keeps at least a quarter of its size, not a one-pixel strip.
  await expect.poll(async () => (await root.boundingBox())?.height ?? 0).toBeGreaterThan(12);
  await app.screenshot({ path: test.info().outputPath('fit-2000.png') });

  // The overview shows the whole width; a click at its far end takes the view there.
  const overview = app.getByRole('img', { name: 'Tree overview' });
  await expect(overview).toBeVisible();
  const box = (await overview.boundingBox())!;
  await app.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
  await expect(root).not.toBeInViewport();
  await app.screenshot({ path: test.info().outputPath('overview-moved-2000.png') });

  // Following active_pid: in the middle of the restart the baton's card comes into view and
  // stays there while stepping.
  const half = Math.floor(total / 2);
  await app.getByLabel('Go to step').fill(String(half));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(`Step ${half} of ${total}`);
  const follow = app.getByRole('button', { name: 'Follow active_pid' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  const holder = app.getByRole('treeitem', { name: /holds active_pid/ });
  const seen = new Set<string>();
  for (let i = 0; i < 300 && seen.size < 3; i++) {
    await app.getByRole('button', { name: 'Step forward' }).click();
    if ((await holder.count()) !== 1) continue;
    await expect(holder).toBeInViewport();
    seen.add((await holder.getAttribute('aria-label')) ?? '');
  }
  expect(seen.size).toBeGreaterThanOrEqual(3);
  await app.screenshot({ path: test.info().outputPath('follow-active-2000.png') });
  // The toggle is a registry action: its shortcut turns it off again.
  await app.keyboard.press('Shift+C');
  await expect(follow).toHaveAttribute('aria-pressed', 'false');

  // A big subtree folds and says how many tasks it hides.
  await root.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await expect(root).toHaveAttribute('aria-description', /^[\d,]+ tasks hidden$/);
  await app.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(root).toBeInViewport();
  await app.screenshot({ path: test.info().outputPath('folded-root-2000.png') });
  await root.focus();
  await app.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('aria-expanded', 'true');
});

/**
 * A step that changes hundreds of tasks lists every change: the Inspector's list scrolls,
 * drawing only the rows in view, where it used to stop at 40 with "… and more".
 */
test('the Inspector lists every change of a step that changes 300 tasks', async ({ app }) => {
  await openScenarioFile(
    app,
    { ...benchScenario(300), steps: [{ op: 'freeze' }] },
    'freeze-300.json',
  );
  await expect(stepText(app)).toHaveText(/^Step 1 of 1$/);
  const inspector = app.getByRole('region', { name: 'Inspector' });
  const list = inspector.getByRole('region', { name: /^\d[\d,]* changes at this step$/ });
  await expect(list).toBeVisible();
  const total = Number((await list.getAttribute('aria-label'))!.replace(/,/g, '').match(/\d+/)![0]);
  // Every task but the zombies changes (the old list stopped at 40).
  expect(total).toBeGreaterThan(200);
  const rows = list.getByRole('listitem');
  // Only the rows in view (and a few around them) are in the page.
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(total));
  // The last change is reachable by scrolling.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows.last()).toHaveAttribute('aria-posinset', String(total));
  await expect(rows.last()).toBeInViewport();
  await inspector.screenshot({ path: test.info().outputPath('changes-300.png') });
});
