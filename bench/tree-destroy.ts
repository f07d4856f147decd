/**
 * The tree's work per step half-way through destroying a big container (a diagnostic beside
 * recording.ts, not part of npm run bench): each step releases the lowest pid, so the tree
 * changes shape at every step and every later task moves up one place, and some 36,000 roots
 * are shown at 100,000 tasks. Runs, in Node, what the tree view runs for each step, stage by
 * stage, carrying from step to step what the view carries (the node cache, the collapse state,
 * the last layout), and beside it a bare peer: d3.hierarchy and d3.tree of the same shown tasks.
 * `tsx bench/tree-destroy.ts [tasks] [where, 0..1 through the destroy] [steps]`.
 */
import { performance } from 'node:perf_hooks';
import { stratify, tree as d3tree } from 'd3';
import { runSession } from '../src/engine/session';
import { WorldReplay } from '../src/engine/timeline/timeline';
import { buildTreeModel, createNodeCache, type TaskNode } from '../src/render/tree/model';
import { forestOf } from '../src/render/tree/forest';
import { visibleTree, type CollapseState } from '../src/render/tree/visible';
import { layoutTree, rebind, shapeKey, type TreeLayout } from '../src/render/tree/layout';
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
let lastShape = '';
let shown = 0;
// One step before the first measured: the view has the previous step's model and layout.
for (let k = -1; k < steps; k++) {
  const snapshot = replay.at(from + k - 1);
  const t0 = performance.now();
  const model = time('model', () => buildTreeModel(snapshot, cache))!;
  time('forest', () => forestOf(model.nodes));
  const visible = time('visible', () => visibleTree(model.nodes, collapse));
  const shownModel = { ...model, nodes: visible.nodes };
  const shape = time('shape', () => shapeKey(shownModel));
  layout = time('layout', () =>
    shape === lastShape && layout ? rebind(layout, shownModel.nodes) : layoutTree(shownModel),
  );
  lastShape = shape;
  time('grid', () => new CardGrid(layout!.placed));
  times.get('total')!.push(performance.now() - t0);
  time('peer', () => peer(visible.nodes));
  shown = layout.placed.length;
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
