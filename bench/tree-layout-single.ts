/**
 * A restart's single-root shown tree (the 2,500 cards of the node budget) laid out by the
 * forest layout with nothing kept, beside the layout it replaced (one d3.tree under a virtual
 * root, kept as the tests' oracle): a diagnostic, not part of npm run bench. Each is run 100
 * times in a block of its own (so one's garbage is not collected in the other's time), three
 * times over; medians in ms. `tsx bench/tree-layout-single.ts [tasks]`.
 */
import { performance } from 'node:perf_hooks';
import { runSession } from '../src/engine/session';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { buildTreeModel, createNodeCache } from '../src/render/tree/model';
import { visibleTree } from '../src/render/tree/visible';
import { ForestLayout } from '../src/render/tree/forestLayout';
import { oneD3Tree } from '../src/render/tree/testing/oneD3Tree';
import { forestOf } from '../src/render/tree/forest';
import { benchRestart } from './trees';

const tasks = Number(process.argv[2] ?? 10_000);
const rec = runSession(benchRestart(tasks));
const replay = new WorldReplay(rec.initial, rec.frames);
const model = buildTreeModel(replay.at(rec.stepStarts[2] - 1), createNodeCache())!;
const shown = visibleTree(model.nodes, { collapsed: new Set(), pinned: new Set() });
const m = { ...model, nodes: shown.nodes };

const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
function run(f: () => void): number {
  const xs: number[] = [];
  for (let k = 0; k < 100; k++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

console.log(
  `restart of ${tasks.toLocaleString('en')} tasks: ${shown.nodes.length} cards shown, ${forestOf(shown.nodes).roots.length} root(s); median ms`,
);
console.log('| one d3.tree (before) | ForestLayout, nothing kept |\n|---|---|');
for (let r = 0; r < 3; r++) {
  const before = run(() => oneD3Tree(m));
  const after = run(() => new ForestLayout().layout(m));
  console.log(`| ${before.toFixed(2)} | ${after.toFixed(2)} |`);
}
