import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildTreeModel, createNodeCache, TreeView } from '../render/tree';
import { selectSelection, selectSnapshot } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { ActionButton } from './ActionButton';
import { runAction } from './actions/run';
import { ScenarioMenu } from './ScenarioMenu';
import { ExportMenu } from './share/ExportMenu';
import { FindTask } from './FindTask';
import { TaskMenu } from './TaskMenu';
import { useReducedMotion } from './useReducedMotion';

/** Hosts the D3 tree view: creates it on a ref, feeds it the model, relays its gestures. */
export function TreePanel() {
  const instance = useDebugger();
  const { store } = instance;
  const [menu, setMenu] = useState<{ pid: number; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<TreeView | null>(null);
  const snapshot = useDebuggerState(selectSnapshot);
  const selected = useDebuggerState(selectSelection);
  const reducedMotion = useReducedMotion();
  // One memo of task nodes per panel: a step rebuilds only the nodes of tasks that changed.
  const [nodeCache] = useState(createNodeCache);
  const model = useMemo(
    () => (snapshot ? buildTreeModel(snapshot, nodeCache) : null),
    [snapshot, nodeCache],
  );

  useEffect(() => {
    if (!host.current) return;
    const v = new TreeView(host.current, {
      onSelect: (pid) => store.getState().select(pid),
      onActivate: (pid) => {
        store.getState().select(pid);
        runAction(instance, 'run-next', 'tree');
      },
      onContextMenu: (pid, x, y) => {
        store.getState().select(pid);
        setMenu({ pid, x, y });
      },
    });
    view.current = v;
    const withdraw = instance.handles.offer('fitTree', () => v.fit());
    const withdrawReveal = instance.handles.offer('revealTask', (pid) => v.revealTask(pid));
    return () => {
      withdraw();
      withdrawReveal();
      v.destroy();
      view.current = null;
    };
  }, [store, instance]);

  useEffect(() => {
    view.current?.update(model, { selected, reducedMotion });
  }, [model, selected, reducedMotion]);

  return (
    <section className="panel tree-panel" aria-label="Tree view">
      <div className="panel-head">
        <h2>{model ? model.label : 'Process tree'}</h2>
        <span className="legend" aria-hidden="true">
          ▶ running · ‖ stopped · ◎ traced · ☠ zombie · ✕ EXIT_DEAD · ❄ frozen · zz sleeping
        </span>
        <FindTask />
        <ScenarioMenu />
        <ExportMenu host={host} />
        <ActionButton id="fit" className="small" />
      </div>
      <div className="tree-host" ref={host} />
      {!model ? <p className="empty">No container at this step.</p> : null}
      {menu ? <TaskMenu {...menu} onClose={closeMenu} /> : null}
    </section>
  );
}
