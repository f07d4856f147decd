import { useCallback, useEffect, useRef, useState } from 'react';
import { createNodeCache, TreeView } from '../render/tree';
import { useTreeModel } from './useTreeModel';
import {
  selectFollowActive,
  selectHiddenRoots,
  selectSelection,
  selectSnapshot,
} from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { ActionButton } from './ActionButton';
import { count } from './count';
import { runAction } from './actions/run';
import { sayWhyNotRunNext } from './actions/runNext';
import { ScenarioMenu } from './ScenarioMenu';
import { ExportMenu } from './share/ExportMenu';
import { FollowActiveToggle } from './FollowActiveToggle';
import { FindTask } from './FindTask';
import { TaskMenu } from './TaskMenu';
import { useReducedMotion } from './useReducedMotion';

/** What each card's glyph means; its own row under the head, so it is never cut. */
const LEGEND = [
  '▶ running',
  '‖ stopped',
  '◎ traced',
  '☠ zombie',
  '✕ EXIT_DEAD',
  '❄ frozen',
  'zz sleeping',
];

/**
 * Hosts the D3 tree view: creates it on a ref, feeds it the model, relays its gestures.
 * `files` false (embeds) leaves out the scenario's Open/Save/Reset and the exports and imports.
 * `fitUpTo` is how far fitting may enlarge a small tree (presenter mode's large type).
 */
export function TreePanel({ files = true, fitUpTo }: { files?: boolean; fitUpTo?: number } = {}) {
  const instance = useDebugger();
  const { store } = instance;
  const [menu, setMenu] = useState<{ pid: number; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<TreeView | null>(null);
  const snapshot = useDebuggerState(selectSnapshot);
  const selected = useDebuggerState(selectSelection);
  const reducedMotion = useReducedMotion();
  const follow = useDebuggerState(selectFollowActive);
  const hiddenRoots = useDebuggerState(selectHiddenRoots);
  // One memo of task nodes per panel: a step rebuilds only the nodes of tasks that changed.
  const [nodeCache] = useState(createNodeCache);
  const { model, building } = useTreeModel(snapshot, nodeCache);

  useEffect(() => {
    if (!host.current) return;
    const v = new TreeView(
      host.current,
      {
        onSelect: (pid) => store.getState().select(pid),
        onActivate: (pid) => {
          store.getState().select(pid);
          // A double click that cannot run the task says why, instead of doing nothing.
          if (!runAction(instance, 'run-next', 'tree')) sayWhyNotRunNext(store.getState());
        },
        onContextMenu: (pid, x, y) => {
          store.getState().select(pid);
          setMenu({ pid, x, y });
        },
        onHiddenRoots: (hidden) => store.getState().setHiddenRoots(hidden),
      },
      fitUpTo,
    );
    view.current = v;
    const withdraw = instance.handles.offer('fitTree', () => v.fit());
    const withdrawReveal = instance.handles.offer('revealTask', (pid) => v.revealTask(pid));
    const withdrawMore = instance.handles.offer('showMoreRoots', () => v.showMoreRoots());
    // A canvas-drawn tree draws its SVG for the export only.
    const withdrawSvg = instance.handles.offer('treeSvg', () => v.exportSvg());
    return () => {
      withdraw();
      withdrawSvg();
      withdrawReveal();
      withdrawMore();
      store.getState().setHiddenRoots({ roots: 0, tasks: 0 });
      v.destroy();
      view.current = null;
    };
  }, [store, instance, fitUpTo]);

  useEffect(() => {
    view.current?.update(model, { selected, reducedMotion, follow, building });
  }, [model, selected, reducedMotion, follow, building]);

  return (
    <section className="panel tree-panel" aria-label="Tree view">
      <div className="panel-head">
        <h2>{model ? model.label : 'Process tree'}</h2>
        <FindTask />
        {files ? <ScenarioMenu /> : <span className="spacer" />}
        {files ? <ExportMenu /> : null}
        <FollowActiveToggle />
        <ActionButton id="fit" className="small" />
      </div>
      <ul className="legend-row" aria-label="Legend">
        {LEGEND.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {hiddenRoots.roots > 0 ? (
        <div className="tree-more" aria-label="Top-level tasks not drawn" role="group">
          <span>
            {count(hiddenRoots.roots)} more top-level tasks ({count(hiddenRoots.tasks)} tasks) not
            drawn
          </span>
          <ActionButton id="show-more-roots" className="small" label="Show more" />
        </div>
      ) : null}
      <div className="tree-host" ref={host} />
      {!model && !building ? <p className="empty">No container at this step.</p> : null}
      {menu ? <TaskMenu {...menu} onClose={closeMenu} /> : null}
    </section>
  );
}
