import { runSession } from '../src/engine/session';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { benchRestart } from '../bench/trees';
import { expect, openScenarioFile, stepText, test } from './fixtures';

const thousands = (n: number) => n.toLocaleString('en');

/**
 * Half-way through destroying a big container the survivors' parents are gone: thousands of
 * top-level tasks. The view draws the first 2,500 of them (where the destroy is at work), says
 * how many more there are, draws more on request, and Find task brings out any one of them.
 */
test('a forest past the card budget draws its first top-level tasks, says how many more, and finds the rest', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const s = benchRestart(10_000);
  const rec = runSession(s);
  const from = rec.stepStarts[2] + Math.floor((rec.stepStarts[3] - rec.stepStarts[2]) * 0.3);
  const tasks = new WorldReplay(rec.initial, rec.frames).at(from - 1).containers[0].tasks;
  const pids = new Set(tasks.map((t) => t.pid));
  // Top-level as the tree model has it: not a thread of a leader there, no parent there.
  const tops = tasks
    .filter(
      (t) => !(t.tgid !== t.pid && pids.has(t.tgid)) && !(pids.has(t.ppid) && t.ppid !== t.pid),
    )
    .map((t) => t.pid)
    .sort((a, b) => a - b);
  expect(tops.length).toBeGreaterThan(2_500);

  await openScenarioFile(app, s, 'restart-10000.json');
  const step = stepText(app);
  await expect(step).toHaveText(/^Step (\d{6,}) of \1$/, { timeout: 240_000 });
  await app.getByLabel('Go to step').fill(String(from));
  await app.getByLabel('Go to step').press('Enter');
  await expect(step).toHaveText(new RegExp(`^Step ${from} of `));
  const tree = app.getByRole('tree', { name: 'Process tree' });
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  await expect(tree).toHaveAttribute(
    'aria-description',
    `2,500 of ${thousands(tasks.length)} tasks shown`,
  );
  const more = app.getByRole('group', { name: 'Top-level tasks not drawn' });
  await expect(more).toContainText(`${thousands(tops.length - 2_500)} more top-level tasks (`);

  // The last top-level task is not drawn; Find task brings it out and focuses it.
  const last = tops[tops.length - 1];
  await app.getByRole('searchbox', { name: 'Find task' }).fill(String(last));
  await app.getByRole('searchbox', { name: 'Find task' }).press('Enter');
  await expect(app.getByRole('treeitem', { name: new RegExp(`^pid ${last} `) })).toBeFocused();
  await expect(more).toContainText(`${thousands(tops.length - 2_501)} more top-level tasks (`);

  // Show more draws the rest (fewer than another 2,500 here) and the note goes.
  await more.getByRole('button', { name: 'Show more' }).click();
  await expect(more).toBeHidden();
  await expect(tree).toHaveAttribute('aria-busy', 'false');
  const shown = Number(
    (await tree.getAttribute('aria-description'))!.match(/^([\d,]+) of/)![1].replace(/,/g, ''),
  );
  expect(shown).toBeGreaterThanOrEqual(tops.length);
});
