import type { SessionRecording } from '../../engine/session-types';
import { selectCursor } from '../../store/selectors';
import { selectCounterexample } from '../../store/violation';
import { ActionButton } from '../ActionButton';
import { useDebugger, useDebuggerState } from '../context';
import './counterexample.css';

/** Rows shown before the first difference, and in all. */
const BEFORE = 2;
const ROWS = 6;

interface ColumnProps {
  title: string;
  recording: SessionRecording;
  stepIndex: number;
  from: number;
  diverge: number;
  /** Rows jump the cursor (the trace on screen) or only show (the other one). */
  onJump?: (frame: number) => void;
  cursor?: number;
}

/** One trace's events from the restart's start + `from`, the first difference marked. */
function TraceColumn({ title, recording, stepIndex, from, diverge, onJump, cursor }: ColumnProps) {
  const start = recording.stepStarts[stepIndex] ?? recording.frames.length;
  const end = (recording.stepStarts[stepIndex + 1] ?? recording.frames.length) - 1;
  const rows: number[] = [];
  for (let i = from; i < from + ROWS && start + i <= end; i++) rows.push(i);
  return (
    <div className="cx-trace">
      <h3>{title}</h3>
      <ol aria-label={title}>
        {rows.map((i) => {
          const frame = start + i;
          const e = recording.frames.get(frame)!.event;
          const text = `step ${frame + 1} · ${e.actor} ${e.fn}${e.errno ? ` ${e.errno}` : ''}`;
          const cls = i === diverge ? 'first-diff' : i > diverge ? 'after-diff' : '';
          return (
            <li key={i} className={`${cls}${frame === cursor ? ' here' : ''}`} title={e.what}>
              {onJump ? (
                <button type="button" className="link" onClick={() => onJump(frame)}>
                  {text}
                </button>
              ) : (
                <span>{text}</span>
              )}
              {i === diverge ? <span className="sr-only"> (first difference)</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * The opened counterexample: where and what breaks, in words, and its trace beside a passing
 * schedule's, aligned at the first step where they differ.
 */
export function CounterexamplePanel() {
  const { store } = useDebugger();
  const c = useDebuggerState(selectCounterexample);
  const cursor = useDebuggerState(selectCursor);
  if (!c) return null;
  const passing = c.passing;
  const diverge = passing && passing !== 'searching' ? passing.diverge : 0;
  const from = Math.max(0, diverge - BEFORE);
  const start = c.recording.stepStarts[c.stepIndex] ?? 0;
  return (
    <section className="counterexample" aria-label="Counterexample">
      <div className="cx-head">
        <h2>
          ✖ {c.invariant} breaks at step {c.frame + 1}
        </h2>
        <span className="dim">({c.variant})</span>
        <span className="spacer" />
        <ActionButton id="violation" className="small" />
        <ActionButton id="first-error" className="small" />
        <button
          type="button"
          className="small"
          onClick={() => store.getState().setCounterexample(null)}
        >
          Close counterexample
        </button>
      </div>
      <p className="cx-words">{c.words}</p>
      {passing === 'searching' ? (
        <p className="dim" role="status">
          Looking for a schedule that passes…
        </p>
      ) : passing === null ? (
        <p className="dim" role="status">
          No passing schedule found near this one: fifo and the counterexample’s own beginnings
          break an invariant too under {c.variant}.
        </p>
      ) : (
        <>
          <p className="dim" role="status">
            Beside it, a schedule that breaks nothing; the traces are the same up to step{' '}
            {start + diverge} and first differ at step {start + diverge + 1}.
          </p>
          <div className="cx-compare">
            <TraceColumn
              title="Counterexample trace"
              recording={c.recording}
              stepIndex={c.stepIndex}
              from={from}
              diverge={diverge}
              cursor={cursor}
              onJump={(f) => store.getState().setCursor(f)}
            />
            <TraceColumn
              title="Passing schedule trace"
              recording={passing.recording}
              stepIndex={c.stepIndex}
              from={from}
              diverge={diverge}
            />
          </div>
        </>
      )}
    </section>
  );
}
