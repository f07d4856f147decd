/**
 * npm run bench: engine throughput on this machine, printed as a table. Figures are measured,
 * never asserted: CI machines differ.
 */
import { performance } from 'node:perf_hooks';
import { sysCheckpoint } from '../src/engine/checkpoint/checkpoint';
import { EngineLog } from '../src/engine/events';
import { decodeImage } from '../src/engine/image/decode';
import { ImageReader } from '../src/engine/image/reader';
import { writeImage } from '../src/engine/image/writer';
import { currentContainer } from '../src/engine/kernel/world';
import { beginRestart, runRestart } from '../src/engine/restart/restart';
import { applyStep, initialWorld } from '../src/engine/scenario/runner';
import { siblingZombiesMs } from './siblings';
import { benchScenario } from './trees';
import { explorerBench } from './explorer';
import { kernelRows } from './kernel';
import { TREE_STEP_HEAD, treeStepRows } from './tree-step';

const opts = { baseDir: '.', readFile: () => null };

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** Repeats `f` until at least `minMs` have passed; returns ms per call. */
function perCall(f: () => void, minMs = 300): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs || n < 3) {
    f();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

function engineRow(n: number): string[] {
  const s = benchScenario(n);
  const world = initialWorld(s);
  if ('unsupported' in world) throw new Error(world.unsupported);
  applyStep(world, { op: 'freeze' }, 'v18-28', opts);
  const c = currentContainer(world)!;
  const [ck, ckMs] = time(() => sysCheckpoint(world.log, c, { variant: 'v18-28' }));
  if (!ck.ok) throw new Error(`checkpoint failed: ${ck.error?.message}`);
  const image = ck.image;
  const decoded = decodeImage(image);
  const input = { uflags: 0, pids: decoded.pids, tasks: decoded.tasks };
  const mb = image.length / 1e6;
  const writeMs = perCall(() => writeImage(input));
  // The restart path: every record read and checked in kernel order, no record view.
  const readMs = perCall(() => {
    const r = new ImageReader(image, 0, { collect: false });
    if (!r.readHeader().ok || !r.readUtsBuffers().ok || !r.readHeaderArch().ok)
      throw new Error('bad image');
    const tree = r.readTree();
    if (!tree.ok) throw new Error('bad tree');
    for (let i = 0; i < tree.value.nr_tasks; i++) if (!r.readTask().ok) throw new Error('bad task');
    if (!r.readTail().ok) throw new Error('bad tail');
  });
  // inspect's full decode with a record view of every field.
  const decodeMs = perCall(() => decodeImage(image));
  applyStep(world, { op: 'destroy' }, 'v18-28', opts);
  const log = new EngineLog();
  const [r, restartMs] = time(() =>
    runRestart(beginRestart(world, { imageName: 'a', bytes: image, variant: 'v18-28', log })),
  );
  if (!r.ok || !r.value.ok)
    throw new Error(`restart failed: ${r.ok ? r.value.error?.message : r.error.message}`);
  const events = r.value.events;
  return [
    n.toLocaleString('en'),
    ckMs.toFixed(1),
    (mb / (writeMs / 1000)).toFixed(0),
    (mb / (readMs / 1000)).toFixed(0),
    (mb / (decodeMs / 1000)).toFixed(0),
    restartMs.toFixed(1),
    (ckMs + restartMs).toFixed(1),
    events.toLocaleString('en'),
    Math.round(events / (restartMs / 1000)).toLocaleString('en'),
  ];
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

const rows = [1_000, 10_000, 100_000].map(engineRow);
console.log('Engine (Node, one run)');
console.log(
  table(
    [
      'tasks',
      'checkpoint ms',
      'write MB/s',
      'read MB/s',
      'decode MB/s',
      'restart ms',
      'ckpt+restart ms',
      'events',
      'events/s',
    ],
    rows,
  ),
);
console.log('');
console.log(explorerBench());

console.log(
  '\nSibling zombies: init with N zombie children, freeze + checkpoint + destroy + restart (ms)',
);
// 99,999 siblings and their init: the 100,000 tasks crviz simulates in one container.
const sibRows = [5_000, 10_000, 20_000, 99_999].map((n) => [
  n.toLocaleString('en'),
  siblingZombiesMs(n).toFixed(0),
]);
console.log(table(['siblings', 'ms'], sibRows));

console.log(`\nKernel model at ${(99_999).toLocaleString('en')} tasks (ms)`);
console.log(table(['operation', 'ms'], kernelRows()));

console.log(
  '\nTree view, one step that changes one task (Node, before drawing; median of 20 steps)',
);
console.log(table(TREE_STEP_HEAD, treeStepRows()));

const { recordingNodeBench } = await import('./recording');
console.log('');
console.log(recordingNodeBench());

if (!process.argv.includes('--engine-only')) {
  const { frameBench } = await import('./frames');
  console.log('');
  console.log(await frameBench(2000));
  const { restartPageBench } = await import('./restart-page');
  console.log('');
  console.log(await restartPageBench());
  const { recordingPageBench } = await import('./recording');
  console.log('');
  console.log(await recordingPageBench());
  const { scaleBench } = await import('./scale');
  console.log('');
  console.log(await scaleBench());
}
