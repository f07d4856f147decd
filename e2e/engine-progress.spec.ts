import { writeFileSync } from 'node:fs';
import { benchScenario } from '../bench/trees';
import type { Scenario } from '../src/engine/scenario/types';
import { expect, selectTask, test, type Page } from './fixtures';

/** A `tasks`-task container that is frozen, checkpointed, destroyed and restarted. */
function bigRestart(tasks: number): Scenario {
  const s = benchScenario(tasks);
  s.steps = [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ];
  return s;
}

async function openBig(page: Page, path: string, tasks: number): Promise<void> {
  writeFileSync(path, JSON.stringify(bigRestart(tasks)));
  await page.getByLabel('Open scenario file').setInputFiles(path);
}

/** Waits, frame by frame, until the progress bar says the restart is restoring tasks. */
async function restartUnderway(page: Page, tasks: string): Promise<void> {
  const bar = page.getByRole('progressbar', { name: 'Engine progress' });
  await expect(bar).toBeVisible();
  // Checked every animation frame: the restart phase lasts about a second.
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[role="progressbar"], progress')].some((el) =>
        new RegExp(`Step 4 of 4, restart: [\\d,]+ of ${want} tasks restored`).test(
          el.getAttribute('aria-valuetext') ?? '',
        ),
      ),
    tasks,
    { polling: 'raf', timeout: 90_000 },
  );
}

test('a 100,000-task restart shows its progress, leaves the page usable and can be cancelled', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  await openBig(app, testInfo.outputPath('restart-100000.json'), 100_000);
  const bar = app.getByRole('progressbar', { name: 'Engine progress' });
  await expect(bar).toBeVisible();
  // The page still answers while the engine works: the tree on screen can be explored.
  await selectTask(app, 5);
  await expect(
    app.getByRole('region', { name: 'Inspector' }).getByText('task_struct · pid 5'),
  ).toBeVisible();
  await restartUnderway(app, '100,000');
  await app.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(app.getByText('Cancelled: the engine stopped; nothing changed.')).toBeVisible();
  await expect(bar).toBeHidden();
  // Nothing of the big scenario arrived; the default one is still there and still works.
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker/ })).toBeVisible();
  await expect(app.getByRole('treeitem', { name: /^pid 90000 / })).toHaveCount(0);
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Thaw', exact: true })).toBeEnabled();
});

test('Escape cancels a long run; without a run it does nothing', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await app.keyboard.press('Escape');
  await expect(app.getByText(/^Cancelled/)).toHaveCount(0);
  await openBig(app, testInfo.outputPath('restart-30000.json'), 30_000);
  await expect(app.getByRole('progressbar', { name: 'Engine progress' })).toBeVisible();
  await app.getByRole('tree', { name: 'Process tree' }).focus();
  await app.keyboard.press('Escape');
  await expect(app.getByText('Cancelled: the engine stopped; nothing changed.')).toBeVisible();
  await expect(app.getByRole('progressbar', { name: 'Engine progress' })).toBeHidden();
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker/ })).toBeVisible();
});

test('Cancel stays in the window and in one place while the progress words change', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  // Every frame of the run, where Cancel is and what the bar says. A click aimed at a button
  // that moves between frames can land beside it (a CI run's Cancel did nothing that way).
  await app.evaluate(() => {
    const seen: { box: string; words: string; inView: boolean }[] = [];
    (window as unknown as { __cancelBoxes: typeof seen }).__cancelBoxes = seen;
    const look = () => {
      const bar = document.querySelector('progress[aria-label="Engine progress"]');
      const cancel = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Cancel',
      );
      if (bar && cancel) {
        const r = cancel.getBoundingClientRect();
        seen.push({
          box: [r.x, r.y, r.width, r.height].map(Math.round).join(','),
          words: bar.getAttribute('aria-valuetext') ?? '',
          inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        });
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await openBig(app, testInfo.outputPath('restart-20000.json'), 20_000);
  const bar = app.getByRole('progressbar', { name: 'Engine progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toBeHidden({ timeout: 90_000 });
  const seen = await app.evaluate(
    () =>
      (window as unknown as { __cancelBoxes: { box: string; words: string; inView: boolean }[] })
        .__cancelBoxes,
  );
  const words = new Set(seen.map((s) => s.words));
  // The run said several different things, so Cancel had the chance to move.
  expect(words.size).toBeGreaterThanOrEqual(3);
  expect(words).toContain('Step 4 of 4, restart: 0 of 20,000 tasks restored');
  expect(seen.filter((s) => !s.inView)).toEqual([]);
  expect(new Set(seen.map((s) => s.box)).size).toBe(1);
});
