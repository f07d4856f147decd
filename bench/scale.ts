/**
 * crviz beside its bare peer (part of npm run bench): for each size, a restart (freeze,
 * checkpoint, destroy, restart) opened from a file in the app, and the same tree and the same
 * frame changes in the peer (bench/peer.ts), in one Chromium. Reports open-to-drawn, frame gaps
 * while playing at 4×, zoom/pan p95, the longest main-thread task and the heap, crviz / peer and
 * their ratio. Measured, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runSession } from '../src/engine/session';
import { allFrames } from '../src/engine/timeline/frames';
import type { Scenario } from '../src/engine/scenario/types';
import { heapMb, serveApp, watchMainThread, type MainThread } from './browser';
import { openPeer, peerFrames, peerLoadFrames, peerOpen, peerPlay, peerStop } from './peer';
import { benchScenario } from './trees';

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
}

function restartScenario(tasks: number): Scenario {
  const s = benchScenario(tasks);
  s.steps = [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ];
  return s;
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
  const drawn = page.locator('svg[role="tree"][aria-busy="false"]');
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
  return { openMs, openLongestMs: open.longestMs, play: playing, zoom, heapMb: await heapMb(page) };
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

export async function scaleBench(sizes = [2000, 10_000, 50_000, 100_000]): Promise<string> {
  const app = await serveApp(PORT);
  const rows: string[][] = [];
  try {
    const peerPage = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const tasks of sizes) {
      const s = restartScenario(tasks);
      const c = await crvizFigures(app.page, app.url, s);
      const p = await peerFigures(peerPage, s);
      rows.push([
        tasks.toLocaleString('en'),
        cell(c.openMs, p.openMs),
        cell(c.play.p50FrameGapMs, p.play.p50FrameGapMs, 1),
        cell(c.play.p95FrameGapMs, p.play.p95FrameGapMs, 1),
        cell(c.zoom.p95FrameGapMs, p.zoom.p95FrameGapMs, 1),
        cell(
          Math.max(c.openLongestMs, c.play.longestMs, c.zoom.longestMs),
          Math.max(p.openLongestMs, p.play.longestMs, p.zoom.longestMs),
        ),
        cell(c.heapMb, p.heapMb),
      ]);
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
  ];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
  return [
    'crviz / bare peer (d3.tree() on a canvas, same tree, same frame changes), ratio crviz ÷ peer; restart of N tasks opened from a file, played from its middle',
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
  ].join('\n');
}

// `tsx bench/scale.ts [sizes...]` runs this part alone.
if (process.argv[1]?.endsWith('scale.ts')) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(await scaleBench(sizes.length ? sizes : undefined));
}
