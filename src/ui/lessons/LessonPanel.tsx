import { useEffect, useState } from 'react';
import './lessons.css';
import { selectCursor, selectLesson, selectRecording } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { actionById } from '../actions/registry';
import { useActionState } from '../actions/useActions';
import { useDebugger, useDebuggerState } from '../context';
import { activeLesson, nextCaptionFrame } from './active';
import { Predict } from './Predict';
import type { SessionRecording } from '../../engine/session-types';
import type { DebuggerState } from '../../store/types';
import {
  captionFrames,
  captionIndexAt,
  holderText,
  predictionFor,
  type Prediction,
} from './resolve';

/** The open predict question at the cursor, if predict mode is on and the next caption moves the baton. */
function questionAt(state: DebuggerState) {
  const next = nextCaptionFrame(state);
  if (!state.lesson?.predict || next === null || !state.recording || !activeLesson(state))
    return null;
  if (!state.timeline) return null;
  const prediction = predictionFor(state.timeline, state.cursor, next);
  return prediction ? { recording: state.recording, prediction } : null;
}

function judge(
  recording: SessionRecording,
  prediction: Prediction,
  choice: Prediction['answer'],
): Verdict {
  const answer = holderText(prediction.answer, recording.initial);
  const right = choice === prediction.answer;
  const outcome = prediction.answer === 'failed' ? answer : `${answer} gets active_pid`;
  const text = right
    ? `Right: ${outcome}.`
    : `Wrong: you picked ${holderText(choice, recording.initial)}; ${outcome}.`;
  return { frame: prediction.target, text, right };
}

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
  // Clicking a task in the tree while a question is open is a guess too.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.selection === null || s.selection === prev.selection) return;
        const q = questionAt(s);
        if (q && q.prediction.choices.includes(s.selection)) {
          setVerdict(judge(q.recording, q.prediction, s.selection));
          s.setCursor(q.prediction.target);
        }
      }),
    [store],
  );
  const state = store.getState();
  const lesson = activeLesson(state);
  if (!lesson || !recording || !lessonState) return null;

  const frames = captionFrames(recording, lesson.captions);
  const index = captionIndexAt(frames, cursor);
  const next = nextCaptionFrame(state);
  const prediction = questionAt(state)?.prediction ?? null;
  const shown = verdict && verdict.frame === cursor ? verdict : null;

  const guess = (choice: Prediction['answer']) => {
    if (!prediction) return;
    setVerdict(judge(recording, prediction, choice));
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
