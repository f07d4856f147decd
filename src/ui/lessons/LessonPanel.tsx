import { useState } from 'react';
import './lessons.css';
import { selectCursor, selectLesson, selectRecording } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { actionById } from '../actions/registry';
import { useActionState } from '../actions/useActions';
import { useDebugger, useDebuggerState } from '../context';
import { activeLesson, nextCaptionFrame } from './active';
import { Predict } from './Predict';
import { captionFrames, captionIndexAt, holderText, predictionFor } from './resolve';

interface Verdict {
  frame: number;
  text: string;
  right: boolean;
}

/** The caption at the cursor, Previous/Next through captions, and predict-then-reveal. */
export function LessonPanel() {
  const { store } = useDebugger();
  const { ctx, run } = useActionState();
  const lessonState = useDebuggerState(selectLesson);
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const state = store.getState();
  const lesson = activeLesson(state);
  if (!lesson || !recording || !lessonState) return null;

  const frames = captionFrames(recording, lesson.captions);
  const index = captionIndexAt(frames, cursor);
  const next = nextCaptionFrame(state);
  const prediction =
    lessonState.predict && next !== null ? predictionFor(recording, cursor, next) : null;
  const shown = verdict && verdict.frame === cursor ? verdict : null;

  const guess = (choice: NonNullable<typeof prediction>['answer']) => {
    if (!prediction) return;
    const world = recording.initial;
    const answer = holderText(prediction.answer, world);
    const right = choice === prediction.answer;
    const text = right
      ? `Right: ${answer} gets active_pid.`
      : `Wrong: you picked ${holderText(choice, world)}; ${answer} gets active_pid.`;
    setVerdict({ frame: prediction.target, text, right });
    state.setCursor(prediction.target);
  };

  return (
    <section className="lesson" aria-label="Lesson">
      <div className="lesson-head">
        <h2>{lesson.title}</h2>
        <span className="dim">
          Caption {index + 1} of {frames.length}
        </span>
        <span className="spacer" />
        <label>
          <input
            type="checkbox"
            checked={lessonState.predict}
            onChange={(e) => state.setLesson({ ...lessonState, predict: e.target.checked })}
          />
          Predict
        </label>
        <ActionButton action={actionById('lesson-previous')} ctx={ctx} run={run} label="Previous" />
        <ActionButton action={actionById('lesson-next')} ctx={ctx} run={run} label="Next" />
        <button type="button" className="small" onClick={() => state.setLesson(null)}>
          End lesson
        </button>
      </div>
      <p className="caption" aria-live="polite">
        {lesson.captions[index].text}
      </p>
      {next === null ? <p className="dim">End of lesson.</p> : null}
      {prediction ? (
        <Predict recording={recording} prediction={prediction} onGuess={guess} />
      ) : null}
      <p className={`verdict${shown ? (shown.right ? ' right' : ' wrong') : ''}`} role="status">
        {shown?.text ?? ''}
      </p>
    </section>
  );
}
