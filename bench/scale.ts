/**
 * crviz beside its bare peer (part of npm run bench): for each size, a restart (freeze,
 * checkpoint, destroy, restart) opened from a file in the app, and the same tree and the same
 * frame changes in the peer (bench/peer.ts), in one Chromium. Reports open-to-drawn, frame gaps
 * while playing at 4×, zoom/pan p95, the longest main-thread task and the heap, crviz / peer and
 * their ratio. Measured, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runSession } from '../src/engine/session';
import { allFrames } from '../src/engine/timeline/frames';
import type { Scenario } from '../src/engine/scenario/types';
import { heapMb, serveApp, watchMainThread, type MainThread } from './browser';
import { openPeer, peerFrames, peerLoadFrames, peerOpen, peerPlay, peerStop } from './peer';
import { benchRestart, benchScenario } from './trees';

const PORT = Number(process.env.BENCH_SCALE_PORT ?? 4197);
/** 4× of the app's 700 ms base step (src/ui/usePlayback.ts). */
const EVERY_MS_AT_4X = 175;
const PLAY_MS = 4000;

interface Figures {
  openMs: number;
  openLongestMs: number;
  play: MainThread;
  zoom: MainThread;
  heapMb: number;
  /** Step forward key to the tree drawn (crviz only: the peer has no keys). */
  step?: { count: number; p50: number; p95: number; longestMs: number };
  /** Positions of the recording (a restart recorded event by event has about 14 a task). */
  steps?: number;
}

/** How many steps the step-to-drawn figure presses the key for. */
const STEPS = 30;

/**
 * Presses the step-forward key (ArrowRight) STEPS times and times each press from the key to
 * the tree drawn: the step's text changes (React committed), then the next animation frame
 * (the canvas or SVG drawn in it) and a task after it (the frame painted).
 */
async function stepToDrawn(page: Page): Promise<NonNullable<Figures['step']>> {
  await page.evaluate(`(() => {
    window.__lat = [];
    const el = [...document.querySelectorAll('[aria-label="Timeline"] *')].find(
      (e) => e.children.length === 0 && /^Step \\d+ of \\d+$/.test(e.textContent),
    );
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight') return;
      const t0 = performance.now();
      const mo = new MutationObserver(() => {
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
      });
      mo.observe(el, { characterData: true, childList: true, subtree: true });
    }, true);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  })()`);
  const stop = await watchMainThread(page);
  const stepText = page.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/);
  for (let i = 0; i < STEPS; i++) {
    // A recording that ends here (or holds the restart as one step) has nothing to step to.
    const [at, of] = ((await stepText.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [0, 0];
    if (at >= of) break;
    await page.keyboard.press('ArrowRight');
    // Polled: waitForFunction evaluates a string, which the page's CSP refuses.
    for (let t = 0; t < 1000; t++) {
      if (((await page.evaluate('window.__lat.length')) as number) > i) break;
      await page.waitForTimeout(10);
    }
  }
  const m = await stop();
  const lat = ((await page.evaluate('window.__lat')) as number[]).sort((a, b) => a - b);
  return {
    count: lat.length,
    p50: lat[Math.floor(0.5 * (lat.length - 1))] ?? 0,
    p95: lat[Math.floor(0.95 * (lat.length - 1))] ?? 0,
    longestMs: m.longestMs,
  };
}

/** Ten wheel steps in, ten out, then a drag, at the middle of `box`. */
async function zoomAndPan(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
) {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(x + i * 10, y + i * 5);
  await page.mouse.up();
}

async function crvizFigures(page: Page, url: string, s: Scenario): Promise<Figures> {
  await page.goto(url);
  await page.evaluate('localStorage.clear()');
  await page.goto(url);
  const drawn = page.locator('[role="tree"][aria-busy="false"]');
  await drawn.waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'crviz-scale-')), `${s.name}.json`);
  writeFileSync(file, JSON.stringify(s));
  const stopOpen = await watchMainThread(page);
  const t0 = Date.now();
  await page.getByLabel('Open scenario file').setInputFiles(file);
  // A small run may end before its progress bar would show: wait for its name, then no bar.
  await page.getByText(s.name, { exact: true }).waitFor({ timeout: 600_000 });
  const bar = page.getByRole('progressbar', { name: 'Engine progress' });
  await bar.waitFor({ state: 'detached', timeout: 600_000 });
  await drawn.waitFor({ timeout: 600_000 });
  const openMs = Date.now() - t0;
  const open = await stopOpen();
  const steps = await page
    .getByRole('region', { name: 'Timeline' })
    .getByText(/^Step \d+ of \d+$/)
    .textContent();
  const total = Number(steps?.match(/\d+/)?.[0] ?? 0);
  console.error(`scale: ${total} steps`);
  await page.getByLabel('Go to step').fill(String(Math.floor(total / 2)));
  await page.getByLabel('Go to step').press('Enter');
  await drawn.waitFor();
  await page.getByLabel('Speed').selectOption('4');
  const play = (await page.getByRole('button', { name: 'Play', exact: true }).elementHandle())!;
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  const stopPlay = await watchMainThread(page);
  await play.click();
  await page.waitForTimeout(PLAY_MS);
  const playing = await stopPlay();
  if (await pause.isVisible()) await pause.click();
  const box = (await page.getByRole('tree', { name: 'Process tree' }).boundingBox())!;
  const stopZoom = await watchMainThread(page);
  await zoomAndPan(page, box);
  await page.waitForTimeout(300);
  const zoom = await stopZoom();
  console.error('scale: step to drawn');
  const step = await stepToDrawn(page);
  return {
    openMs,
    openLongestMs: open.longestMs,
    play: playing,
    zoom,
    heapMb: await heapMb(page),
    step,
    steps: total,
  };
}

/** Opens `s` from a file in a fresh app at `url`: ms until its tree is drawn, and the main thread meanwhile. */
async function openInApp(page: Page, url: string, s: Scenario) {
  await page.goto(url);
  await page.evaluate('localStorage.clear()');
  await page.goto(url);
  const drawn = page.locator('[role="tree"][aria-busy="false"]');
  await drawn.waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'crviz-scale-')), `${s.name}.json`);
  writeFileSync(file, JSON.stringify(s));
  const stopOpen = await watchMainThread(page);
  const t0 = Date.now();
  await page.getByLabel('Open scenario file').setInputFiles(file);
  await page.getByText(s.name, { exact: true }).waitFor({ timeout: 600_000 });
  await page.getByRole('treeitem', { name: /^pid 1 task1 / }).waitFor({ timeout: 600_000 });
  await drawn.waitFor({ timeout: 600_000 });
  const openMs = Date.now() - t0;
  return { openMs, open: await stopOpen(), drawn };
}

/** A tree (no steps) opened from a file: ms to drawn, then zoom and pan; crviz and the peer. */
async function treeOpen(
  page: Page,
  peerPage: Page,
  url: string,
  tasks: number,
): Promise<{ crviz: Figures; peer: Figures }> {
  const s = benchScenario(tasks);
  const { openMs, open } = await openInApp(page, url, s);
  const box = (await page.getByRole('tree', { name: 'Process tree' }).boundingBox())!;
  const stopZoom = await watchMainThread(page);
  await zoomAndPan(page, box);
  await page.waitForTimeout(300);
  const zoom = await stopZoom();
  const none: MainThread = { ...zoom, p50FrameGapMs: 0, p95FrameGapMs: 0, longestMs: 0 };
  const crviz = {
    openMs,
    openLongestMs: open.longestMs,
    play: none,
    zoom,
    heapMb: await heapMb(page),
  };
  await openPeer(peerPage);
  const stopPeer = await watchMainThread(peerPage);
  const peerOpenMs = await peerOpen(peerPage, s.tree);
  const peerOpened = await stopPeer();
  const stopPeerZoom = await watchMainThread(peerPage);
  await zoomAndPan(peerPage, { x: 0, y: 0, width: 1440, height: 900 });
  await peerPage.waitForTimeout(300);
  const peerZoom = await stopPeerZoom();
  const peer = {
    openMs: peerOpenMs,
    openLongestMs: peerOpened.longestMs,
    play: none,
    zoom: peerZoom,
    heapMb: await heapMb(peerPage),
  };
  return { crviz, peer };
}

/**
 * A tree of N tasks with STEPS + 1 steps that each stop one task (SIGSTOP): stepped from its
 * first step by the key, each step changes one card of a big tree (the restart of more than
 * 10,000 tasks is recorded per step, so its events cannot be stepped one by one).
 */
async function steppedTree(page: Page, url: string, tasks: number): Promise<Figures> {
  const s = benchScenario(tasks);
  s.name = `stepped-${tasks}`;
  s.steps = Array.from({ length: STEPS + 1 }, (_, i) => ({
    op: 'kill' as const,
    // pid % 8 == 2: a process of its own (large-tree.ts makes 3 zombies and 5 threads).
    pid: (8 * ((i * 2003) % Math.floor(tasks / 8)) + 2) % tasks || 2,
    signal: 19,
  }));
  const { openMs, open, drawn } = await openInApp(page, url, s);
  await page.getByLabel('Go to step').fill('0');
  await page.getByLabel('Go to step').press('Enter');
  await drawn.waitFor();
  const step = await stepToDrawn(page);
  const none = await watchMainThread(page).then((stop) => stop());
  return {
    openMs,
    openLongestMs: open.longestMs,
    play: none,
    zoom: none,
    heapMb: await heapMb(page),
    step,
    steps: STEPS + 1,
  };
}

async function peerFigures(page: Page, s: Scenario): Promise<Figures> {
  await openPeer(page);
  const stopOpen = await watchMainThread(page);
  const openMs = await peerOpen(page, s.tree);
  const open = await stopOpen();
  const frames = peerFrames(allFrames(runSession(s).frames));
  await peerLoadFrames(page, frames);
  const stopPlay = await watchMainThread(page);
  await peerPlay(page, Math.floor(frames.length / 2), EVERY_MS_AT_4X);
  await page.waitForTimeout(PLAY_MS);
  const playing = await stopPlay();
  await peerStop(page);
  const stopZoom = await watchMainThread(page);
  await zoomAndPan(page, { x: 0, y: 0, width: 1440, height: 900 });
  await page.waitForTimeout(300);
  const zoom = await stopZoom();
  return { openMs, openLongestMs: open.longestMs, play: playing, zoom, heapMb: await heapMb(page) };
}

const cell = (a: number, b: number, digits = 0) =>
  `${a.toFixed(digits)} / ${b.toFixed(digits)} (${b > 0 ? (a / b).toFixed(1) : '-'}×)`;

export async function scaleBench(
  sizes = [200, 2000, 10_000, 50_000, 100_000],
  trees = [50_000],
  stepped = [100_000],
): Promise<string> {
  const app = await serveApp(PORT);
  const rows: string[][] = [];
  const load = [loadavg()[0]];
  try {
    const peerPage = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const tasks of sizes) {
      console.error(`scale: restart of ${tasks} tasks`);
      const s = benchRestart(tasks);
      const c = await crvizFigures(app.page, app.url, s);
      const p = await peerFigures(peerPage, s);
      rows.push([
        `${tasks.toLocaleString('en')} (${(c.steps ?? 0).toLocaleString('en')} steps)`,
        cell(c.openMs, p.openMs),
        cell(c.play.p50FrameGapMs, p.play.p50FrameGapMs, 1),
        cell(c.play.p95FrameGapMs, p.play.p95FrameGapMs, 1),
        cell(c.zoom.p95FrameGapMs, p.zoom.p95FrameGapMs, 1),
        cell(
          Math.max(c.openLongestMs, c.play.longestMs, c.zoom.longestMs),
          Math.max(p.openLongestMs, p.play.longestMs, p.zoom.longestMs),
        ),
        cell(c.heapMb, p.heapMb),
        c.step?.count
          ? `${c.step.p50.toFixed(0)} / ${c.step.p95.toFixed(0)} (${c.step.count})`
          : '-',
        c.step ? c.step.longestMs.toFixed(0) : '-',
      ]);
      load.push(loadavg()[0]);
    }
    for (const tasks of stepped) {
      console.error(`scale: stepped tree of ${tasks} tasks`);
      const c = await steppedTree(app.page, app.url, tasks);
      rows.push([
        `stepped tree ${tasks.toLocaleString('en')}`,
        `${c.openMs.toFixed(0)} / -`,
        '-',
        '-',
        '-',
        `${c.openLongestMs.toFixed(0)} / -`,
        `${c.heapMb.toFixed(0)} / -`,
        c.step?.count
          ? `${c.step.p50.toFixed(0)} / ${c.step.p95.toFixed(0)} (${c.step.count})`
          : '-',
        c.step ? c.step.longestMs.toFixed(0) : '-',
      ]);
      load.push(loadavg()[0]);
    }
    for (const tasks of trees) {
      const { crviz: c, peer: p } = await treeOpen(app.page, peerPage, app.url, tasks);
      rows.push([
        `tree ${tasks.toLocaleString('en')}`,
        cell(c.openMs, p.openMs),
        '-',
        '-',
        cell(c.zoom.p95FrameGapMs, p.zoom.p95FrameGapMs, 1),
        cell(
          Math.max(c.openLongestMs, c.zoom.longestMs),
          Math.max(p.openLongestMs, p.zoom.longestMs),
        ),
        cell(c.heapMb, p.heapMb),
        '-',
        '-',
      ]);
      load.push(loadavg()[0]);
    }
  } finally {
    await app.close();
  }
  const head = [
    'tasks',
    'open→drawn ms',
    'play 4× p50 ms',
    'play 4× p95 ms',
    'zoom/pan p95 ms',
    'longest task ms',
    'heap MB',
    'step→drawn p50/p95 ms (steps)',
    'stepping longest task ms',
  ];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
  return [
    'crviz / bare peer (d3.tree() on a canvas, same tree, same frame changes), ratio crviz ÷ peer; restart of N tasks opened from a file, played from its middle; "tree N": a tree of N tasks opened',
    `load average (1 min) along the run: ${load.map((l) => l.toFixed(1)).join(', ')}`,
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
  ].join('\n');
}

// `tsx bench/scale.ts [sizes...]` runs this part alone.
if (process.argv[1]?.endsWith('scale.ts')) {
  // `tsx bench/scale.ts 200 2000 tree:50000 stepped:100000`: restarts of 200 and 2,000 tasks, a
  // 50,000-task tree opened, a 100,000-task tree stepped; no arguments: the whole table.
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => !a.includes(':')).map(Number);
  const trees = args.filter((a) => a.startsWith('tree:')).map((a) => Number(a.slice(5)));
  const stepped = args.filter((a) => a.startsWith('stepped:')).map((a) => Number(a.slice(8)));
  console.log(args.length ? await scaleBench(sizes, trees, stepped) : await scaleBench());
}
