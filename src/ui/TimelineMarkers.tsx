import { useMemo } from 'react';
import { timelineMarkers } from '../store/markers';
import { selectBreakpoints, selectRecording } from '../store/selectors';
import { selectCounterexample } from '../store/violation';
import { useDebugger, useDebuggerState } from './context';

const GLYPH = {
  checkpoint: '◆',
  kill: '✕',
  restart: '⟳',
  destroy: '▼',
  error: '!',
  breakpoint: '●',
  violation: '✖',
} as const;

/** Marks under the scrub slider (checkpoints, kills, restarts, errors, breakpoints); click jumps. */
export function TimelineMarkers() {
  const { store } = useDebugger();
  const recording = useDebuggerState(selectRecording);
  const breakpoints = useDebuggerState(selectBreakpoints);
  const counterexample = useDebuggerState(selectCounterexample);
  const markers = useMemo(
    () => (recording ? timelineMarkers(recording, breakpoints, counterexample ?? undefined) : []),
    [recording, breakpoints, counterexample],
  );
  const n = recording?.frames.length ?? 0;
  if (n === 0) return <div className="markers" />;
  return (
    <div className="markers" aria-label="Timeline markers">
      {markers.map((m) => (
        <button
          key={`${m.kind}-${m.frame}`}
          type="button"
          tabIndex={-1}
          className={`marker m-${m.kind}`}
          style={{ left: `${((m.frame + 1) / n) * 100}%` }}
          title={`Step ${m.frame + 1}: ${m.label}`}
          aria-label={`Jump to step ${m.frame + 1}: ${m.label}`}
          onClick={() => store.getState().setCursor(m.frame)}
        >
          {GLYPH[m.kind]}
        </button>
      ))}
    </div>
  );
}
