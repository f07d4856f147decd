/**
 * The page while the engine restarts a large tree (part of npm run bench): open a scenario that
 * freezes, checkpoints, destroys and restarts N tasks, and watch the main thread from the
 * moment the file is opened until the last step is on screen. The engine works in the worker;
 * what the page pays is receiving the recording and drawing it. Measured, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveApp, watchMainThread } from './browser';
import { benchRestart } from './trees';

const PORT = Number(process.env.BENCH_RESTART_PORT ?? 4198);

export async function restartPageBench(sizes = [2000, 100_000]): Promise<string> {
  const app = await serveApp(PORT);
  const rows: string[] = [];
  let played = '';
  try {
    const { page } = app;
    for (const tasks of sizes) {
      // A reload would bring back the previous size's session: start from the default one.
      await page.evaluate('localStorage.clear()');
      await page.goto(app.url);
      await page.getByRole('tree', { name: 'Process tree' }).waitFor();
      await page.locator('[role="tree"][aria-busy="false"]').waitFor();
      const s = benchRestart(tasks);
      const file = join(mkdtempSync(join(tmpdir(), 'crviz-bench-')), `restart-${tasks}.json`);
      writeFileSync(file, JSON.stringify(s));
      const stop = await watchMainThread(page);
      const t0 = Date.now();
      await page.getByLabel('Open scenario file').setInputFiles(file);
      const bar = page.getByRole('progressbar', { name: 'Engine progress' });
      await bar.waitFor();
      const progressMs = Date.now() - t0;
      await bar.waitFor({ state: 'detached', timeout: 300_000 });
      const answeredMs = Date.now() - t0;
      await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 300_000 });
      const drawnMs = Date.now() - t0;
      const steps = await page
        .getByRole('region', { name: 'Timeline' })
        .getByText(/^Step \d+ of \d+$/)
        .textContent();
      const m = await stop();
      if (tasks <= 2500) played = await playRestart(page, steps ?? '');
      rows.push(
        [
          tasks.toLocaleString('en').padStart(8),
          String(progressMs).padStart(9),
          String(answeredMs).padStart(9),
          String(drawnMs).padStart(8),
          String(m.longTasks).padStart(6),
          m.longTaskMs.toFixed(0).padStart(8),
          m.longestMs.toFixed(0).padStart(8),
          m.maxFrameGapMs.toFixed(0).padStart(8),
          `  ${steps ?? ''}`,
        ].join(' '),
      );
    }
  } finally {
    await app.close();
  }
  return [
    'Page during a restart (open file → last step drawn): ms until the progress bar shows, the answer arrives, the tree is drawn; main-thread long tasks',
    `${'tasks'.padStart(8)} ${'bar ms'.padStart(9)} ${'answer ms'.padStart(9)} ${'drawn ms'.padStart(8)} ${'long'.padStart(6)} ${'long ms'.padStart(8)} ${'longest'.padStart(8)} ${'max gap'.padStart(8)}  timeline`,
    ...rows,
    played,
  ].join('\n');
}

/**
 * Plays the middle of the restart at 4× (a step every 175 ms: tasks hand `active_pid` on,
 * the coordinator counts) and reports the page's frames while it animates.
 */
async function playRestart(page: Page, steps: string): Promise<string> {
  const total = Number(steps.match(/\d+/)?.[0] ?? 0);
  await page.getByLabel('Go to step').fill(String(Math.floor(total / 2)));
  await page.getByLabel('Go to step').press('Enter');
  await page.locator('[role="tree"][aria-busy="false"]').waitFor();
  await page.getByLabel('Speed').selectOption('4');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await play.waitFor();
  const stop = await watchMainThread(page);
  await play.click();
  await page.waitForTimeout(4000);
  await pause.click();
  const m = await stop();
  return `Playing the middle of the ${total.toLocaleString('en')}-event restart at 4× for 4 s: ${m.frames} frames, p95 gap ${m.p95FrameGapMs.toFixed(1)} ms, max ${m.maxFrameGapMs.toFixed(0)} ms, ${m.longTasks} long tasks (${m.longTaskMs.toFixed(0)} ms)`;
}

// `tsx bench/restart-page.ts` runs this part alone.
if (process.argv[1]?.endsWith('restart-page.ts')) console.log(await restartPageBench());
