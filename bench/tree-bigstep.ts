/**
 * A big change of a big tree in the page (a diagnostic beside scale.ts, not part of npm run
 * bench): a tree of N tasks with two steps, a freeze and a thaw, so Go to step 1 and back to 2
 * changes every task's view of the same container (the same count, the same shape), as a jump
 * across a restart changes most of a restarted tree's cards. Reports Go to step → drawn and the
 * longest main-thread task per jump; `--profile` adds a CPU profile of the jumps' long tasks.
 * `tsx bench/tree-bigstep.ts 100000 [--profile]`; BENCH_PORT, BENCH_NO_MINIFY=1 for names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveApp, watchMainThread } from './browser';
import { profileLongTasks, profileText } from './cpuProfile';
import { benchRestart, benchScenario } from './trees';

/** Go to step `n` and wait, inside the page, until pid 1's item says frozen (or not) and the tree is not busy. */
const IN_PAGE = `(() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  window.__big = async (n, text, frozen) => {
    const t0 = performance.now();
    const input = document.querySelector('form.goto input');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(n));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    input.form.requestSubmit();
    for (;;) {
      const tree = document.querySelector('[role="tree"]');
      const step = document.querySelector('.step-text');
      const item = document.querySelector('[role="treeitem"][data-pid="1"]');
      const label = item ? item.getAttribute('aria-label') || '' : '';
      if (step && step.textContent === text && tree && tree.getAttribute('aria-busy') !== 'true' &&
          (frozen === null || label.includes('frozen') === frozen)) break;
      await frame();
    }
    await frame();
    return performance.now() - t1;
  };
})()`;

async function openTree(page: Page, url: string, tasks: number, restart: boolean): Promise<number> {
  await page.goto(url);
  await page.evaluate('localStorage.clear()');
  await page.goto(url);
  await page.locator('[role="tree"][aria-busy="false"]').waitFor();
  const s = restart
    ? benchRestart(tasks)
    : {
        ...benchScenario(tasks),
        name: `bigstep-${tasks}`,
        steps: [{ op: 'freeze' as const }, { op: 'thaw' as const }],
      };
  const file = join(mkdtempSync(join(tmpdir(), 'crviz-bigstep-')), `${s.name}.json`);
  writeFileSync(file, JSON.stringify(s));
  await page.getByLabel('Open scenario file').setInputFiles(file);
  await page.getByText(s.name, { exact: true }).waitFor({ timeout: 600_000 });
  await page
    .getByRole('progressbar', { name: 'Engine progress' })
    .waitFor({ state: 'detached', timeout: 600_000 });
  await page.getByRole('treeitem', { name: /^pid 1 task1 / }).waitFor({ timeout: 600_000 });
  await page.locator('[role="tree"][aria-busy="false"]').waitFor({ timeout: 600_000 });
  const steps = await page
    .getByRole('region', { name: 'Timeline' })
    .getByText(/^Step \d+ of \d+$/)
    .textContent();
  return Number(steps?.match(/of (\d+)/)?.[1] ?? 0);
}

const JUMPS = 8;

const tasks = Number(process.argv[2] ?? 100_000);
/** `restart`: the tree's restart, jumped between its middle and its end (most cards change). */
const restart = process.argv.includes('restart');
const app = await serveApp(Number(process.env.BENCH_PORT ?? 4363));
try {
  const { page } = app;
  const total = await openTree(page, app.url, tasks, restart);
  await page.evaluate(IN_PAGE);
  const [a, b] = restart ? [total >> 1, total - 3] : [1, 2];
  const go = (n: number) =>
    page.evaluate(
      `window.__big(${n}, 'Step ${n} of ${total}', ${restart ? null : n === 1})`,
    ) as Promise<number>;
  await go(b);
  const load = [loadavg()[0]];
  const drawn: number[] = [];
  const longest: number[] = [];
  const jumps = async () => {
    for (let i = 0; i < JUMPS; i++) {
      const stop = await watchMainThread(page);
      drawn.push(await go(i % 2 === 0 ? a : b));
      await page.waitForTimeout(100);
      longest.push((await stop()).longestMs);
    }
  };
  /** `--steps`: 30 presses of Step forward from the middle instead (each changes a few cards). */
  const steps = async () => {
    await go(a);
    for (let i = 1; i <= 30; i++) {
      const stop = await watchMainThread(page);
      drawn.push(
        (await page.evaluate(`(async () => {
          const t0 = performance.now();
          const b = [...document.querySelectorAll('button')].find((x) => x.getAttribute('aria-label') === 'Step forward' || x.title === 'Step forward');
          b.click();
          for (;;) {
            const t = document.querySelector('.step-text');
            if (t && t.textContent === 'Step ${a + i} of ${total}') break;
            await new Promise((r) => requestAnimationFrame(r));
          }
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - t0;
        })()`)) as number,
      );
      longest.push((await stop()).longestMs);
    }
  };
  const run = process.argv.includes('--steps') ? steps : jumps;
  // Profiled, the jumps are slower: their figures are the profile's, not the bench's.
  const profile = process.argv.includes('--profile') ? await profileLongTasks(page, run) : null;
  if (!profile) await run();
  load.push(loadavg()[0]);
  const med = (xs: number[]) => xs.slice().sort((x, y) => x - y)[xs.length >> 1];
  console.log(
    `${restart ? 'restart' : 'tree'} of ${tasks.toLocaleString('en')} tasks, Go to step ${a} ↔ ${b} of ${total} ×${JUMPS}${profile ? ', profiled' : ''} (load ${load.map((l) => l.toFixed(1)).join(', ')})`,
  );
  console.log(
    `Go to → drawn ms: ${drawn.map((x) => x.toFixed(0)).join(', ')} (median ${med(drawn).toFixed(0)})`,
  );
  console.log(
    `longest task ms: ${longest.map((x) => x.toFixed(0)).join(', ')} (max ${Math.max(...longest).toFixed(0)})`,
  );
  if (profile) console.log(profileText(profile));
} finally {
  await app.close();
}
