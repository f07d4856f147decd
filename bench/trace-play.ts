/**
 * Where a played restart's main-thread time goes, from a Chromium trace (a diagnostic beside
 * play-metrics.ts, not part of npm run bench): `tsx bench/trace-play.ts 200` plays the middle of
 * a 200-task restart at 4× for 3 s and prints the trace's costliest event kinds, the forced
 * layouts by caller and the longest layouts with their dirty and total objects. BENCH_PORT.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveApp } from './browser';
import { benchRestart } from './trees';

const tasks = Number(process.argv[2] ?? 200);
const app = await serveApp(Number(process.env.BENCH_PORT ?? 4199));
try {
  const { page } = app;
  const s = benchRestart(tasks);
  const file = join(mkdtempSync(join(tmpdir(), 'tr-')), `${s.name}.json`);
  writeFileSync(file, JSON.stringify(s));
  await page.getByLabel('Open scenario file').setInputFiles(file);
  await page.getByText(s.name, { exact: true }).waitFor({ timeout: 300_000 });
  await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 300_000 });
  const steps = await page
    .getByRole('region', { name: 'Timeline' })
    .getByText(/^Step \d+ of \d+$/)
    .textContent();
  const total = Number(steps?.match(/\d+/)?.[0] ?? 0);
  await page.getByLabel('Go to step').fill(String(Math.floor(total / 2)));
  await page.getByLabel('Go to step').press('Enter');
  await page.getByLabel('Speed').selectOption('4');
  const cdp = await page.context().newCDPSession(page);
  interface TraceEvent {
    name: string;
    ph: string;
    dur?: number;
    args?: {
      beginData?: {
        stackTrace?: { functionName: string; url: string; lineNumber: number }[];
        dirtyObjects?: number;
        totalObjects?: number;
      };
    };
  }
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const by: Record<string, { n: number; ms: number }> = {};
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = e.name;
    by[k] ??= { n: 0, ms: 0 };
    by[k].n++;
    by[k].ms += e.dur / 1000;
  }
  const top = Object.entries(by)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 18);
  for (const [k, v] of top) console.log(k.padEnd(30), v.n, v.ms.toFixed(0));
  // Forced layouts: Layout events with a stack trace.
  const forced = events.filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace);
  const fm: Record<string, number> = {};
  for (const e of forced) {
    const f = e.args!.beginData!.stackTrace![0];
    const k = `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}`;
    fm[k] = (fm[k] ?? 0) + (e.dur ?? 0) / 1000;
  }
  console.log('forced layouts', forced.length, fm);
  const layouts = events
    .filter((e) => e.name === 'Layout' && e.dur)
    .map((e) => [
      e.dur! / 1000,
      e.args?.beginData?.dirtyObjects ?? 0,
      e.args?.beginData?.totalObjects ?? 0,
    ]);
  console.log(
    'longest layouts [ms, dirty, total]',
    layouts.sort((a, b) => b[0] - a[0]).slice(0, 8),
  );
} finally {
  await app.close();
}
