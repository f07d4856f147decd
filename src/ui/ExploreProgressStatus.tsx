import { selectExploreProgress } from '../store/selectors';
import { useDebuggerState } from './context';
import { count } from './ExplorerPanel';
import './ExploreProgressStatus.css';

/**
 * The running exploration, live: states explored, the search's depth, states per second and
 * the time so far, as the worker reports them between its slices. A status rather than a
 * progressbar: how many states there are is what the search finds out.
 */
export function ExploreProgressStatus() {
  const p = useDebuggerState(selectExploreProgress);
  return (
    <span className="spinner explore-progress" role="status" aria-label="Exploration progress">
      {p && p.states > 0
        ? `exploring: ${count(p.states)} states, depth ${p.depth}, ${count(p.statesPerSecond)} states/s, ${(p.elapsedMs / 1000).toFixed(1)} s` +
          (p.violated.length ? `; violated so far: ${p.violated.join(', ')}` : '')
        : 'exploring every interleaving…'}
    </span>
  );
}
