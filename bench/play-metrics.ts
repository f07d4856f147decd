/**
 * Where the page's time goes while a restart plays at 4× (BENCH_PORT, default 4196): Chromium's
 * own counters (script, style, layout, and all tasks) over PLAY_MS of playing, per size given
 * on the command line. A diagnostic beside scale.ts, not part of npm run bench.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveApp } from './browser';
import { benchRestart } from './trees';

const PORT = Number(process.env.BENCH_PORT ?? 4196);
const PLAY_MS = 4000;

const app = await serveApp(PORT);
try {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
  for (const tasks of process.argv.slice(2).map(Number)) {
    const s = benchRestart(tasks);
    const file = join(mkdtempSync(join(tmpdir(), 'crviz-play-')), `${s.name}.json`);
    writeFileSync(file, JSON.stringify(s));
    await page.getByLabel('Open scenario file').setInputFiles(file);
    await page.getByText(s.name, { exact: true }).waitFor({ timeout: 300_000 });
    await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 300_000 });
    const steps = await page.getByText(/^Step \d+ of \d+$/).textContent();
    const total = Number(steps?.match(/\d+/)?.[0] ?? 0);
    await page.getByLabel('Go to step').fill(String(Math.floor(total / 2)));
    await page.getByLabel('Go to step').press('Enter');
    await page.getByLabel('Speed').selectOption('4');
    const before = await metrics();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(PLAY_MS);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const after = await metrics();
    const d = (k: string) => ((after[k] - before[k]) * 1000).toFixed(0).padStart(6);
    console.log(
      `${String(tasks).padStart(6)} tasks, ${PLAY_MS} ms at 4×: task ${d('TaskDuration')} ms, script ${d('ScriptDuration')}, style ${d('RecalcStyleDuration')}, layout ${d('LayoutDuration')}`,
    );
  }
} finally {
  await app.close();
}
