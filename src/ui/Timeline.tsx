import {
  selectCursor,
  selectFrameCount,
  selectPlaying,
  selectSeeking,
  selectSpeed,
} from '../store/selectors';
import { SPEEDS } from '../store/types';
import { ActionButton } from './ActionButton';
import { Breakpoints } from './Breakpoints';
import { GoToStep } from './GoToStep';
import { SeekStatus } from './SeekStatus';
import { TimelineMarkers } from './TimelineMarkers';
import type { ActionId } from './actions/registry';
import { useDebugger, useDebuggerState } from './context';

/** "Step N of M": step 0 is the world before the first event. */
export function stepText(cursor: number, frames: number): string {
  return `Step ${cursor + 1} of ${frames}`;
}

/** Navigation, play/pause with speed, the scrub slider and the step counter. */
export function Timeline() {
  const { store } = useDebugger();
  const cursor = useDebuggerState(selectCursor);
  const frames = useDebuggerState(selectFrameCount);
  const playing = useDebuggerState(selectPlaying);
  const speed = useDebuggerState(selectSpeed);
  const seeking = useDebuggerState(selectSeeking);
  const b = (id: ActionId, icon: string, label?: string) => (
    <ActionButton id={id} icon={icon} label={label} />
  );
  return (
    <section className="timeline" aria-label="Timeline">
      {b('first', '⇤')}
      {b('back', '←')}
      {b('play', playing ? '❚❚' : '▶', playing ? 'Pause' : 'Play')}
      {b('forward', '→')}
      {b('last', '⇥')}
      <label className="speed">
        Speed
        <select value={speed} onChange={(e) => store.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="step-text">{stepText(cursor, frames)}</span>
      <SeekStatus />
      <GoToStep />
      <span className="scrub-wrap">
        <input
          className="scrub"
          type="range"
          aria-label="Scrub timeline"
          aria-busy={seeking !== null}
          min={-1}
          max={Math.max(-1, frames - 1)}
          step={1}
          // Where a far move under way goes: a drag's thumb stays where the hand put it.
          value={seeking ?? cursor}
          disabled={frames === 0}
          onChange={(e) => store.getState().scrubTo(Number(e.target.value))}
        />
        <TimelineMarkers />
      </span>
      {b('first-error', '!', 'First error')}
      <Breakpoints />
    </section>
  );
}
