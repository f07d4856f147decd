/**
 * What one step of a big tree costs the tree view before drawing (part of npm run bench): a
 * snapshot of N tasks where one task changed (the others the same objects, as frames share
 * them), through buildTreeModel (with its node cache), visibleTree, treeShape and rebind, the
 * per-step path of src/render/tree. Node, no DOM. Measured, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { largeTree } from '../src/engine/scenario/large-tree';
import type { TaskView, WorldSnapshot } from '../src/engine/snapshot';
import { buildTreeModel, createNodeCache } from '../src/render/tree/model';
import { visibleTree, type CollapseState } from '../src/render/tree/visible';
import { layoutTree, rebind } from '../src/render/tree/layout';
import { sameShape, treeShape } from '../src/render/tree/treeShape';

function snapshot(tasks: TaskView[]): WorldSnapshot {
  return {
    current: 1,
    containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
    images: [],
    restart: null,
  };
}

function median(xs: number[]): number {
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

export function treeStepRows(sizes = [2_000, 10_000, 50_000, 100_000]): string[][] {
  return sizes.map((n) => {
    const tasks: TaskView[] = largeTree(n).map((e) => ({
      pid: e.pid,
      tgid: e.tgid,
      ppid: e.ppid,
      pgid: e.pgid,
      sid: e.sid,
      comm: e.comm,
      state: e.state,
      exit_code: e.exit_code,
      exit_signal: e.exit_signal,
      pdeath_signal: e.pdeath_signal,
      frozen: false,
      traced: false,
    }));
    const cache = createNodeCache();
    const collapse: CollapseState = { collapsed: new Set(), pinned: new Set() };
    let model = buildTreeModel(snapshot(tasks), cache)!;
    let shown = visibleTree(model.nodes, collapse);
    let layout = layoutTree({ ...model, nodes: shown.nodes });
    const shape = treeShape({ ...model, nodes: shown.nodes });
    const times = {
      model: [] as number[],
      visible: [] as number[],
      shape: [] as number[],
      rebind: [] as number[],
    };
    let current = tasks;
    for (let step = 0; step < 20; step++) {
      // One task changes state (a new object); the rest are shared with the previous frame.
      const i = (step * 7919) % n;
      current = current.slice();
      current[i] = { ...current[i], state: current[i].state === 'running' ? 'stopped' : 'running' };
      let t = performance.now();
      model = buildTreeModel(snapshot(current), cache)!;
      times.model.push(performance.now() - t);
      t = performance.now();
      shown = visibleTree(model.nodes, collapse);
      times.visible.push(performance.now() - t);
      t = performance.now();
      sameShape(treeShape({ ...model, nodes: shown.nodes }), shape);
      times.shape.push(performance.now() - t);
      t = performance.now();
      layout = rebind(layout, shown.nodes);
      times.rebind.push(performance.now() - t);
    }
    const all = times.model.map(
      (_, k) => times.model[k] + times.visible[k] + times.shape[k] + times.rebind[k],
    );
    return [
      n.toLocaleString('en'),
      String(shown.nodes.length),
      median(times.model).toFixed(2),
      median(times.visible).toFixed(2),
      median(times.shape).toFixed(2),
      median(times.rebind).toFixed(2),
      median(all).toFixed(2),
      Math.max(...all).toFixed(2),
    ];
  });
}

export const TREE_STEP_HEAD = [
  'tasks',
  'shown',
  'model ms',
  'visible ms',
  'shape ms',
  'rebind ms',
  'step ms (median)',
  'step ms (max)',
];

if (process.argv[1]?.endsWith('tree-step.ts')) {
  console.log(TREE_STEP_HEAD.join('\t'));
  for (const r of treeStepRows()) console.log(r.join('\t'));
}
