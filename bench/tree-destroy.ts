/**
 * The tree's work per step half-way through destroying a big container (a diagnostic beside
 * recording.ts, not part of npm run bench): each step releases the lowest pid, so the tree
 * changes shape at every step and every later task moves up one place, and there are some
 * 36,000 top-level tasks at 100,000 tasks (2,500 of them drawn: visible.ts). Runs, in Node,
 * what the tree view runs for each step, stage by stage, carrying from step to step what the
 * view carries (the node cache, the collapse state, the last layout), and beside it a bare
 * peer: d3.hierarchy and d3.tree of the same shown tasks.
 * `tsx bench/tree-destroy.ts [tasks] [where, 0..1 through the destroy] [steps]`.
 */
import { performance } from 'node:perf_hooks';
import { stratify, tree as d3tree } from 'd3';
import { runSession } from '../src/engine/session';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { buildTreeModel, createNodeCache, type TaskNode } from '../src/render/tree/model';
import { forestOf } from '../src/render/tree/forest';
import { visibleTree, type CollapseState } from '../src/render/tree/visible';
import { rebind, type TreeLayout } from '../src/render/tree/layout';
import { sameShape, treeShape, type TreeShape } from '../src/render/tree/treeShape';
import { ForestLayout } from '../src/render/tree/forestLayout';
import { NEW_TASK } from '../src/render/tree/slicedJob';
import { CardGrid } from '../src/render/tree/spatialIndex';
import { benchRestart } from './trees';

const tasks = Number(process.argv[2] ?? 100_000);
const where = Number(process.argv[3] ?? 0.3);
const steps = Number(process.argv[4] ?? 12);

const rec = runSession(benchRestart(tasks));
const replay = new WorldReplay(rec.initial, rec.frames);
const from = Math.floor(rec.stepStarts[2] + (rec.stepStarts[3] - rec.stepStarts[2]) * where);

const stages = ['model', 'forest', 'visible', 'shape', 'layout', 'grid', 'total', 'peer'] as const;
const times = new Map<string, number[]>(stages.map((s) => [s, []]));
const time = <T>(stage: (typeof stages)[number], f: () => T): T => {
  const t0 = performance.now();
  const v = f();
  times.get(stage)!.push(performance.now() - t0);
  return v;
};

/** The peer: the shown tasks as d3 would lay them out bare (a virtual root over the roots). */
function peer(nodes: readonly TaskNode[]): void {
  const shown = new Set(nodes.map((n) => n.pid));
  const rows = [{ id: '-1', parent: '' }].concat(
    nodes
      .filter((n) => !n.isThread)
      .map((n) => ({
        id: String(n.pid),
        parent: n.parent !== null && shown.has(n.parent) ? String(n.parent) : '-1',
      })),
  );
  const root = stratify<{ id: string; parent: string }>()
    .id((d) => d.id)
    .parentId((d) => d.parent || null)(rows);
  d3tree<{ id: string; parent: string }>().nodeSize([196, 112])(root);
}

const cache = createNodeCache();
const collapse: CollapseState = { collapsed: new Set(), pinned: new Set() };
let layout: TreeLayout | null = null;
const forestLayout = new ForestLayout();
let lastShape: TreeShape | null = null;
let shown = 0;
let lastShown: TaskNode[] = [];
// One step before the first measured: the view has the previous step's model and layout.
for (let k = -1; k < steps; k++) {
  const snapshot = replay.at(from + k - 1);
  const t0 = performance.now();
  const model = time('model', () => buildTreeModel(snapshot, cache))!;
  time('forest', () => forestOf(model.nodes));
  const visible = time('visible', () => visibleTree(model.nodes, collapse));
  const shownModel = { ...model, nodes: visible.nodes };
  let shape: TreeShape | null = null;
  const same = time('shape', () => sameShape((shape = treeShape(shownModel)), lastShape));
  layout = time('layout', () =>
    same && layout ? rebind(layout, shownModel.nodes) : forestLayout.layout(shownModel, shape!),
  );
  lastShape = shape;
  time('grid', () => new CardGrid(layout!.placed));
  times.get('total')!.push(performance.now() - t0);
  time('peer', () => peer(visible.nodes));
  shown = layout.placed.length;
  lastShown = visible.nodes;
  if (k < 0) for (const s of stages) times.get(s)!.pop();
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const max = (xs: number[]) => Math.max(0, ...xs);
const count = replay.at(from).containers[0]?.tasks.length ?? 0;
console.log(
  `destroy of ${tasks.toLocaleString('en')} tasks, steps ${from}…${from + steps - 1} (${count.toLocaleString('en')} tasks left, ${shown.toLocaleString('en')} shown): ms per step`,
);
console.log(`| stage | median | max |\n|---|---|---|`);
for (const s of stages) {
  const xs = times.get(s)!;
  console.log(`| ${s} | ${median(xs).toFixed(1)} | ${max(xs).toFixed(1)} |`);
}

// A jump into the destroy: the first layout, nothing kept, as the view's open runs it (a job in
// tasks of runSliced's 12 ms budget, slicedJob.ts): its longest task, over 5 runs.
{
  const longest: number[] = [];
  let count = 0;
  for (let run = 0; run < 5; run++) {
    const slices: number[] = [];
    const job = new ForestLayout().job({ nodes: lastShown, coordinator: null }, () => {});
    for (let done = false; !done;) {
      const t0 = performance.now();
      for (;;) {
        const step = job.next();
        if (step.done) done = true;
        if (step.done || step.value === NEW_TASK || performance.now() - t0 >= 12) break;
      }
      slices.push(performance.now() - t0);
    }
    longest.push(max(slices));
    count = slices.length;
  }
  console.log(
    `first layout as a job (nothing kept, 5 runs): ${count} tasks, longest task median ${median(longest).toFixed(1)} ms, max ${max(longest).toFixed(1)} ms`,
  );
}
