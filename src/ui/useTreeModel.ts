import { useEffect, useMemo, useState } from 'react';
import {
  buildsInSlices,
  buildTreeModel,
  runSliced,
  treeModelJob,
  type NodeCache,
  type TreeModel,
} from '../render/tree';
import type { WorldSnapshot } from '../engine/snapshot';

/**
 * The tree model of `snapshot`, through the panel's node cache. A big tree new to the cache
 * (opening a 100,000-task restart) is built in slices after the render, not in it: `building`
 * is true and the last model is kept meanwhile (the tree says aria-busy); when the slices end
 * the panel renders again and the cache makes that build a comparison per task.
 */
export function useTreeModel(
  snapshot: WorldSnapshot | null,
  cache: NodeCache,
): { model: TreeModel | null; building: boolean } {
  const [, setBuilt] = useState(0);
  const sliced = !!snapshot && buildsInSlices(snapshot, cache);
  const model = useMemo(
    () => (snapshot && !sliced ? buildTreeModel(snapshot, cache) : null),
    [snapshot, sliced, cache],
  );
  // The last model built, kept while the next one is built in slices (derived state).
  const [last, setLast] = useState<TreeModel | null>(null);
  if (!sliced && model !== last) setLast(model);
  useEffect(() => {
    if (!snapshot || !sliced) return;
    return runSliced(treeModelJob(snapshot, cache, { model: null }), () => setBuilt((n) => n + 1));
  }, [snapshot, sliced, cache]);
  return sliced ? { model: last, building: true } : { model, building: false };
}
