/**
 * Where a big tree's open and zoom/pan time goes (a diagnostic beside scale.ts, not part of npm
 * run bench): `tsx bench/trace-tree.ts 50000 [restart]` opens a tree of N tasks (or its restart)
 * under the CPU profiler and prints the costliest functions of its longest tasks, then zooms and
 * pans under a Chromium trace and prints the costliest event kinds and the compositor layers
 * (sizes) the page has. BENCH_PORT; BENCH_NO_MINIFY=1 keeps function names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveApp } from './browser';
import { profileLongTasks, profileText } from './cpuProfile';
import { benchRestart, benchScenario } from './trees';

const tasks = Number(process.argv[2] ?? 50_000);
const restart = process.argv[3] === 'restart';
const app = await serveApp(Number(process.env.BENCH_PORT ?? 4343));

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  pid: number;
  args?: { name?: string };
  dur?: number;
  tid: number;
}

try {
  const { page } = app;
  const s = restart ? benchRestart(tasks) : benchScenario(tasks);
  const file = join(mkdtempSync(join(tmpdir(), 'tr-')), `${s.name}.json`);
  writeFileSync(file, JSON.stringify(s));
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const trace = async (what: () => Promise<void>) => {
    events.length = 0;
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,blink',
      transferMode: 'ReportEvents',
    });
    await what();
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    // The longest top-level tasks of the renderer's main thread, and the costliest kinds.
    // The renderer's main threads (a worker's tasks are not the page's long tasks).
    const mains = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const main = events.filter(
      (e) => e.name === 'RunTask' && e.dur && e.dur > 50_000 && mains.has(`${e.pid}:${e.tid}`),
    );
    console.log('tasks > 50 ms:', main.map((e) => (e.dur! / 1000).toFixed(0)).join(', '));

    const by: Record<string, { n: number; ms: number; max: number }> = {};
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const v = (by[e.name] ??= { n: 0, ms: 0, max: 0 });
      v.n++;
      v.ms += e.dur / 1000;
      v.max = Math.max(v.max, e.dur / 1000);
    }
    for (const [k, v] of Object.entries(by)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25))
      console.log(k.padEnd(40), v.n, v.ms.toFixed(0), 'max', v.max.toFixed(1));
  };
  // The open under the CPU profiler: the costliest functions inside each long task.
  const opened = await profileLongTasks(page, async () => {
    await page.getByLabel('Open scenario file').setInputFiles(file);
    await page.getByText(s.name, { exact: true }).waitFor({ timeout: 300_000 });
    await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 300_000 });
    await page.waitForTimeout(500);
  });
  console.log(profileText(opened, 40));
  const box = (await page.getByRole('tree', { name: 'Process tree' }).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  console.log('--- zoom and pan');
  await trace(async () => {
    await page.mouse.move(x, y);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(x + i * 10, y + i * 5);
    await page.mouse.up();
    await page.waitForTimeout(300);
  });
  await cdp.send('LayerTree.enable');
  const layers = await new Promise<
    { layerId: string; width: number; height: number; drawsContent: boolean; paintCount: number }[]
  >((r) => {
    cdp.once('LayerTree.layerTreeDidChange', (d) => r((d.layers ?? []) as never));
    void page.mouse.wheel(0, -120);
  });
  for (const l of layers.filter((l) => l.drawsContent))
    console.log('layer', l.layerId, l.width, 'x', l.height, 'paints', l.paintCount);
  if (process.env.CRVIZ_SHOTS)
    await page.screenshot({ path: join(process.env.CRVIZ_SHOTS, `trace-${tasks}.png`) });
} finally {
  await app.close();
}
