/**
 * The recording at scale (part of npm run bench): a freeze, checkpoint, destroy and restart of
 * N tasks recorded event by event into the compact recording (engine/timeline/columns), then
 * replayed, in Node and in the page. Beside it, the same frames as objects (the recording's old
 * form, what a FrameArray holds) where that still fits. Measured, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runSession } from '../src/engine/session';
import { allFrames } from '../src/engine/timeline/frames';
import { recordingBytes } from '../src/engine/timeline/columns/layout';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { largeRestart } from '../src/engine/scenario/large-tree';
import { heapMb, serveApp, watchMainThread } from './browser';
import { benchRestart } from './trees';

const PORT = Number(process.env.BENCH_RECORDING_PORT ?? 4197);
/** Frames as objects are measured up to this size (1.4 million objects do not fit a page). */
const OBJECTS_UP_TO = 10_000;

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 0);

function quantiles(xs: number[]): [number, number] {
  const s = xs.slice().sort((a, b) => a - b);
  return [s[Math.floor(0.5 * (s.length - 1))] ?? 0, s[Math.floor(0.95 * (s.length - 1))] ?? 0];
}

/** A seeded sequence of frame indices (no randomness of the bench's own from run to run). */
function* spots(n: number, count: number): Generator<number> {
  let s = 12345;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield s % n;
  }
}

// A collection before each heap reading, without asking npm run bench for --expose-gc.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapBytes(): number {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface NodeRow {
  tasks: number;
  cells: string[];
}

function nodeRow(tasks: number): NodeRow {
  const before = heapBytes();
  const t0 = performance.now();
  const rec = runSession(largeRestart(tasks, 'v18-28'));
  const recordMs = performance.now() - t0;
  const heap = heapBytes() - before;
  const cols = rec.frames.columns;
  const bytes = recordingBytes(cols);
  const tl = new WorldReplay(rec.initial, rec.frames);
  const mid = cols.frames >> 1;
  tl.at(mid);
  const steps: number[] = [];
  for (let i = 1; i <= 300; i++) {
    const t = performance.now();
    tl.at(mid + i);
    steps.push(performance.now() - t);
  }
  const jumps: number[] = [];
  for (const i of spots(cols.frames, 60)) {
    const t = performance.now();
    tl.at(i);
    jumps.push(performance.now() - t);
  }
  const [s50, s95] = quantiles(steps);
  const [j50, j95] = quantiles(jumps);
  let objects = ['—', '—', '—'];
  if (tasks <= OBJECTS_UP_TO) {
    // The old form: every frame an object; posting it cost a structured clone of all of them.
    const b = heapBytes();
    const frames = allFrames(rec.frames);
    const objHeap = heapBytes() - b;
    const tc = performance.now();
    structuredClone(frames);
    const cloneMs = performance.now() - tc;
    const total = bytes.events + bytes.changes + bytes.checkpoints;
    objects = [mb(objHeap), ms(cloneMs), `${(objHeap / total).toFixed(1)}×`];
  }
  return {
    tasks,
    cells: [
      tasks.toLocaleString('en'),
      cols.frames.toLocaleString('en'),
      (recordMs / 1000).toFixed(1),
      String(cols.every),
      mb(bytes.events),
      mb(bytes.changes),
      mb(bytes.checkpoints),
      mb(heap),
      ms(s50),
      ms(s95),
      ms(j50),
      ms(j95),
      ...objects,
    ],
  };
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

export function recordingNodeBench(sizes = [2_000, 10_000, 50_000, 100_000]): string {
  const rows = sizes.map((n) => nodeRow(n).cells);
  return [
    'Recording (Node): record, bytes of the columns (events, changes, checkpoints), heap it holds, replay step and jump (ms); frames as objects beside it (heap MB, structured clone ms, × the columns)',
    table(
      [
        'tasks',
        'frames',
        'record s',
        'K',
        'events MB',
        'changes MB',
        'ckpts MB',
        'heap MB',
        'step p50',
        'step p95',
        'jump p50',
        'jump p95',
        'obj MB',
        'obj clone ms',
        'obj ×',
      ],
      rows,
    ),
  ].join('\n');
}

/**
 * Drives the page from inside it (source text: tsx would add its __name helper to a function):
 * `step` clicks Step forward and resolves with the ms until the step text says `text`, the tree
 * is no longer busy and the next frame is painted; `go` submits Go to step the same way.
 */
export const IN_PAGE = `(() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const until = async (text) => {
    for (;;) {
      const tree = document.querySelector('[role="tree"]');
      const shown = document.querySelector('.step-text');
      if (shown && shown.textContent === text && (!tree || tree.getAttribute('aria-busy') !== 'true')) return;
      await frame();
    }
  };
  const button = (name) => [...document.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name || b.title === name || b.textContent.trim() === name);
  window.__bench = {
    async step(text) {
      const t0 = performance.now();
      button('Step forward').click();
      await until(text);
      await frame();
      return performance.now() - t0;
    },
    async go(n, text) {
      const input = document.querySelector('form.goto input');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(n));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      input.form.requestSubmit();
      await until(text);
      await frame();
    },
  };
})()`;

/** The page: open the restart, step, scrub; long tasks on the main thread and the page's heap. */
export async function recordingPageBench(sizes = [10_000, 50_000, 100_000]): Promise<string> {
  const app = await serveApp(PORT);
  const rows: string[][] = [];
  try {
    const { page } = app;
    for (const tasks of sizes) {
      await page.evaluate('localStorage.clear()');
      await page.goto(app.url);
      await page.locator('[role="tree"][aria-busy="false"]').waitFor();
      const s = benchRestart(tasks);
      const file = join(mkdtempSync(join(tmpdir(), 'crviz-bench-')), `restart-${tasks}.json`);
      writeFileSync(file, JSON.stringify(s));
      // Watched from the file's opening to the tree drawn: the request, the progress the worker
      // posts while it runs, then receiving (unpacking, the replay's seek to the end, the store,
      // the first render). Watching from the run's last progress missed receiving whenever the
      // last progress shown was not the run's last (a 100,000-task restart's always read 0).
      const receive = await watchMainThread(page);
      const t0 = Date.now();
      await page.getByLabel('Open scenario file').setInputFiles(file);
      await page.getByRole('progressbar', { name: 'Engine progress' }).waitFor();
      await page
        .getByRole('progressbar', { name: 'Engine progress' })
        .waitFor({ state: 'detached', timeout: 600_000 });
      await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 600_000 });
      const openMs = Date.now() - t0;
      const recv = await receive();
      const step = page.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/);
      const total = Number((await step.textContent())!.match(/\d+/)![0]);
      // Stepping and jumping are driven and timed inside the page: Playwright's locators scan
      // the whole DOM of a large tree in the page's thread, which would be measured too.
      await page.evaluate(IN_PAGE);
      const go = (i: number) => page.evaluate(`window.__bench.go(${i}, 'Step ${i} of ${total}')`);
      const half = total >> 1;
      await go(half);
      const stepping = await watchMainThread(page);
      const drawn: number[] = [];
      for (let i = 1; i <= 30; i++) {
        drawn.push(
          (await page.evaluate(`window.__bench.step('Step ${half + i} of ${total}')`)) as number,
        );
      }
      const st = await stepping();
      // Stepping through the destroy too: there each step releases the lowest pid, so the tree
      // changes shape at every step and every later task moves up one place (at 100,000 tasks,
      // some 36,000 top-level tasks, of which the view draws 2,500). Its first frame is where
      // the recording says.
      const { stepStarts } = runSession(s);
      const at = Math.floor(stepStarts[2] + (stepStarts[3] - stepStarts[2]) * 0.3);
      await go(at);
      const destroying = await watchMainThread(page);
      const killed: number[] = [];
      for (let i = 1; i <= 30; i++) {
        killed.push(
          (await page.evaluate(`window.__bench.step('Step ${at + i} of ${total}')`)) as number,
        );
      }
      const ds = await destroying();
      const scrubbing = await watchMainThread(page);
      const jumps: number[] = [];
      for (const i of spots(total, 8)) {
        const t = Date.now();
        await go(Math.max(1, i));
        jumps.push(Date.now() - t);
      }
      const sc = await scrubbing();
      const [d50, d95] = quantiles(drawn);
      const [k50, k95] = quantiles(killed);
      console.error(`recording bench: ${tasks} tasks done`);
      rows.push([
        tasks.toLocaleString('en'),
        total.toLocaleString('en'),
        (openMs / 1000).toFixed(1),
        recv.longestMs.toFixed(0),
        String(recv.longTasks),
        st.longestMs.toFixed(0),
        ms(d50),
        ms(d95),
        ds.longestMs.toFixed(0),
        ms(k50),
        ms(k95),
        sc.longestMs.toFixed(0),
        ms(quantiles(jumps)[1]),
        (await heapMb(page)).toFixed(0),
      ]);
    }
  } finally {
    await app.close();
  }
  return [
    'Recording (page): open → drawn (s); longest main-thread task (ms) while opening (file to drawn: request, run, receiving), stepping (in the restart’s middle, and 30% through the destroy, where each step changes the tree’s shape) and jumping (Go to step); step → drawn and Go to step → drawn (ms, timed in the page; a jump’s includes a round trip); page heap (MB)',
    table(
      [
        'tasks',
        'frames',
        'open s',
        'open longest',
        'long',
        'step longest',
        'step→drawn p50',
        'p95',
        'destroy step longest',
        'destroy step→drawn p50',
        'p95',
        'jump longest',
        'jump→drawn p95',
        'page heap MB',
      ],
      rows,
    ),
  ].join('\n');
}

// `tsx bench/recording.ts` runs this part alone (`--node` without the page).
if (process.argv[1]?.endsWith('recording.ts')) {
  console.log(recordingNodeBench());
  if (!process.argv.includes('--node')) console.log(`\n${await recordingPageBench()}`);
}
