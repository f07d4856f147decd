/**
 * The app built and served for a browser bench, in Debian's Chromium when present: one build
 * directory and port per bench so two benches on one machine do not collide.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ServedApp {
  browser: Browser;
  page: Page;
  url: string;
  close(): Promise<void>;
}

export async function serveApp(port: number): Promise<ServedApp> {
  const outDir = join(tmpdir(), `crviz-bench-dist-${port}`);
  // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles.
  const minify = process.env.BENCH_NO_MINIFY ? ['--minify', 'false'] : [];
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', ...minify],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('vite build failed');
  // Vite's own entry under node, not `npx`, so that killing the child stops the server itself.
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  const browser = await chromium.launch({
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 50; i++) {
    const up = await page.goto(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    await page.waitForTimeout(200);
  }
  return {
    browser,
    page,
    url,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

export interface MainThread {
  /** Long tasks (over 50 ms) seen, their total and the longest. */
  longTasks: number;
  longTaskMs: number;
  longestMs: number;
  /** Animation frames seen, the median, the 95th percentile and the longest gap between two of them. */
  frames: number;
  p50FrameGapMs: number;
  p95FrameGapMs: number;
  maxFrameGapMs: number;
}

/** Starts recording long tasks and animation-frame gaps; the result stops and reports them. */
export async function watchMainThread(page: Page): Promise<() => Promise<MainThread>> {
  // Passed as source text: tsx would otherwise inject its __name helper into the function.
  await page.evaluate(`(() => {
    window.__watch = { long: [], gaps: [], stop: false };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__watch.long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => {
      window.__watch.gaps.push(t - last);
      last = t;
      if (!window.__watch.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return async () => {
    const { long, gaps } = (await page.evaluate(
      '(() => { window.__watch.stop = true; return window.__watch; })()',
    )) as { long: number[]; gaps: number[] };
    const sorted = gaps.slice(1).sort((a, b) => a - b);
    return {
      longTasks: long.length,
      longTaskMs: long.reduce((a, b) => a + b, 0),
      longestMs: Math.max(0, ...long),
      frames: sorted.length,
      p50FrameGapMs: sorted[Math.floor(0.5 * (sorted.length - 1))] ?? 0,
      p95FrameGapMs: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0,
      maxFrameGapMs: sorted[sorted.length - 1] ?? 0,
    };
  };
}

/** The page's JavaScript heap after a garbage collection, in MB (Chromium's own count). */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
}
