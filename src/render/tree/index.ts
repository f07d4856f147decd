/**
 * The tree view as the UI uses it: created on a host element, fed models, reporting gestures
 * through callbacks. Everything else in src/render/tree is its inside (lint keeps it so).
 */
export { COORDINATOR_PID } from './ids';
export {
  buildsInSlices,
  buildTreeModel,
  createNodeCache,
  treeModelJob,
  type NodeCache,
  type TreeModel,
} from './model';
export { runSliced } from './slicedJob';
export { TreeView } from './treeView';
export { NODE_BUDGET } from './visible';
