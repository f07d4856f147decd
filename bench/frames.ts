/**
 * Frame times of the app in Chromium (part of npm run bench): open a 2,000-task scenario that
 * freezes, checkpoints, destroys and restarts, then measure requestAnimationFrame gaps and long
 * tasks while the timeline plays and while the tree is zoomed. Measured, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveApp } from './browser';
import { benchRestart, benchScenario } from './trees';

// BENCH_PORT lets two people on one machine run the bench at once.
const PORT = Number(process.env.BENCH_PORT ?? 4199);
/** BENCH_PROFILE=dir writes a Chromium CPU profile of each measured phase there. */
const PROFILE_DIR = process.env.BENCH_PROFILE;

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  longTasks: number;
  longTaskMs: number;
}

/** Starts a CPU profile named `name` when BENCH_PROFILE is set; the result stops and saves it. */
async function startProfile(page: Page, name?: string): Promise<() => Promise<void>> {
  if (!PROFILE_DIR || !name) return async () => {};
  const dir = PROFILE_DIR;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Records rAF gaps and long tasks in the page for `ms`, while `act` runs. */
async function measure(
  page: Page,
  ms: number,
  act: () => Promise<void>,
  profile?: string,
): Promise<FrameStats> {
  const stopProfile = await startProfile(page, profile);
  // Passed as source text: tsx would otherwise inject its __name helper into the function.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    window.__stop = false;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  await page.waitForTimeout(ms);
  const { frames, long } = (await page.evaluate(
    '(() => { window.__stop = true; return { frames: window.__frames.slice(1), long: window.__long }; })()',
  )) as { frames: number[]; long: number[] };
  await stopProfile();
  const sorted = frames.slice().sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    p50: q(0.5),
    p95: q(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    longTasks: long.length,
    longTaskMs: long.reduce((a, b) => a + b, 0),
  };
}

/** Ten wheel steps in, ten out, at the tree's centre. */
async function wheel(
  page: Page,
  box: { x: number; y: number; width: number; height: number } | null,
) {
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
}

export async function frameBench(tasks = 2000): Promise<string> {
  const app = await serveApp(PORT);
  try {
    const { page } = app;
    await page.getByRole('tree', { name: 'Process tree' }).waitFor();
    const s = benchRestart(tasks);
    const file = join(mkdtempSync(join(tmpdir(), 'crviz-bench-')), `bench-${tasks}.json`);
    writeFileSync(file, JSON.stringify(s));
    const t0 = Date.now();
    await page.getByLabel('Open scenario file').setInputFiles(file);
    await page
      .getByRole('treeitem', { name: new RegExp(`^pid ${tasks} `) })
      .first()
      .waitFor({ timeout: 120_000 });
    const openMs = Date.now() - t0;
    // Found before measuring: a role query over the page is Playwright's own long task.
    const first = (await page
      .getByRole('button', { name: 'First step', exact: true })
      .elementHandle())!;
    const play = (await page.getByRole('button', { name: 'Play', exact: true }).elementHandle())!;
    const playing = await measure(
      page,
      4000,
      async () => {
        await first.click();
        await play.click();
      },
      'play',
    );
    const tree = page.getByRole('tree', { name: 'Process tree' });
    const box = await tree.boundingBox();
    const zoom = await measure(page, 500, () => wheel(page, box), 'zoom');
    // A 50,000-task tree (no steps): opened collapsed to the view's node budget, then navigated
    // by closing and opening the root from the keyboard and zooming.
    const big = benchScenario(50_000);
    const bigFile = join(mkdtempSync(join(tmpdir(), 'crviz-bench-')), 'bench-50000.json');
    writeFileSync(bigFile, JSON.stringify(big));
    const stopOpenProfile = await startProfile(page, 'big-open');
    const t1 = Date.now();
    await page.getByLabel('Open scenario file').setInputFiles(bigFile);
    // The 2,000-task tree has a "pid 1 task1" too: wait for a closed subtree, which only the
    // big one has.
    await page
      .locator('[role="treeitem"][aria-expanded="false"]')
      .first()
      .waitFor({ state: 'attached', timeout: 120_000 });
    const bigRoot = page.getByRole('treeitem', { name: /^pid 1 task1 / });
    await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    const bigOpenMs = Date.now() - t1;
    await stopOpenProfile();
    // Focused before measuring: a role query over thousands of items is Playwright's own long
    // task, not the app's.
    await bigRoot.focus();
    // A locator, not waitForFunction: that evaluates a string, which the app's CSP refuses.
    const allDrawn = () => page.locator('[role="tree"][aria-busy="false"]').waitFor();
    let expandMs = 0;
    const navigate = await measure(
      page,
      500,
      async () => {
        await page.keyboard.press('ArrowLeft');
        await allDrawn();
        const t = Date.now();
        await page.keyboard.press('ArrowRight');
        // Cards of a big subtree are created over frames: measure until all are there.
        await allDrawn();
        expandMs = Date.now() - t;
        for (const key of ['ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
      },
      'big-navigate',
    );
    const bigZoom = await measure(page, 500, () => wheel(page, box), 'big-zoom');
    const shownCount = await page.locator('[role="tree"] [role="treeitem"]').count();
    const row = (name: string, f: FrameStats) =>
      `${name.padEnd(22)} ${String(f.frames).padStart(6)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.max.toFixed(0).padStart(7)} ${String(f.longTasks).padStart(6)} ${f.longTaskMs.toFixed(0).padStart(8)}`;
    return [
      `App in Chromium, ${tasks.toLocaleString('en')}-task scenario (freeze, checkpoint, destroy, restart): opened and drawn in ${openMs} ms`,
      `${'phase'.padEnd(22)} ${'frames'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(7)} ${'long'.padStart(6)} ${'long ms'.padStart(8)}`,
      row('play the timeline', playing),
      row('zoom the tree', zoom),
      `50,000-task tree (no steps): opened and drawn in ${bigOpenMs} ms`,
      row('50k collapse, expand', navigate),
      `  (the root's ${shownCount.toLocaleString('en')} shown cards all back ${expandMs} ms after ArrowRight)`,
      row('50k zoom the tree', bigZoom),
    ].join('\n');
  } finally {
    await app.close();
  }
}
