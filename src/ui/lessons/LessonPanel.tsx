import { useEffect, useState } from 'react';
import './lessons.css';
import { selectCursor, selectLesson, selectRecording } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { useDebugger, useDebuggerState } from '../context';
import { activeLesson, nextCaptionFrame } from './active';
import { Predict } from './Predict';
import type { SessionRecording } from '../../engine/session-types';
import type { DebuggerStore } from '../../store/createDebuggerStore';
import type { DebuggerState } from '../../store/types';
import {
  captionFrames,
  captionIndexAt,
  holderText,
  predictionFor,
  type Prediction,
} from './resolve';

/**
 * The open predict question at the cursor: when the next caption asks it, or predict mode is on
 * and the next caption moves the baton.
 */
export function questionAt(state: DebuggerState) {
  const next = nextCaptionFrame(state);
  const lesson = activeLesson(state);
  if (next === null || !state.recording || !lesson || !state.timeline) return null;
  const asked = lesson.captions[captionFrames(state.recording, lesson.captions).indexOf(next)];
  const ask = asked?.ask === 'active_pid';
  if (!state.lesson?.predict && !ask) return null;
  const prediction = predictionFor(state.timeline, state.cursor, next, ask);
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

type Question = NonNullable<ReturnType<typeof questionAt>>;

/**
 * The open predict question, kept up to date by the store's listener when the cursor, lesson or
 * recording change. Never computed during render: it reads the world at another frame, and that
 * moves the timeline's shared position.
 */
function useQuestion(store: DebuggerStore): Question | null {
  const [question, setQuestion] = useState<Question | null>(null);
  useEffect(() => {
    const update = (s: DebuggerState, prev: DebuggerState) => {
      if (s.cursor === prev.cursor && s.lesson === prev.lesson && s.recording === prev.recording)
        return;
      setQuestion(questionAt(s));
    };
    const off = store.subscribe(update);
    // A lesson may be open already (a remount): ask once now, as if everything had changed.
    const now = store.getState();
    update(now, { ...now, recording: null });
    return off;
  }, [store]);
  return question;
}

/** The caption at the cursor, Previous/Next through captions, and predict-then-reveal. */
export function LessonPanel() {
  const { store } = useDebugger();
  const lessonState = useDebuggerState(selectLesson);
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const lesson = useDebuggerState(activeLesson);
  const next = useDebuggerState(nextCaptionFrame);
  const question = useQuestion(store);
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
  if (!lesson || !recording || !lessonState) return null;

  const frames = captionFrames(recording, lesson.captions);
  const index = captionIndexAt(frames, cursor);
  // The listener's answer is for the recording on screen only once it has caught up.
  const prediction = question?.recording === recording ? question.prediction : null;
  const shown = verdict && verdict.frame === cursor ? verdict : null;

  const guess = (choice: Prediction['answer']) => {
    if (!prediction) return;
    setVerdict(judge(recording, prediction, choice));
    store.getState().setCursor(prediction.target);
  };
  const setLesson = (l: DebuggerState['lesson']) => store.getState().setLesson(l);

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
            onChange={(e) => setLesson({ ...lessonState, predict: e.target.checked })}
          />
          Predict
        </label>
        <ActionButton id="lesson-previous" label="Previous" />
        <ActionButton id="lesson-next" label="Next" />
        <ActionButton id="lesson-present" label="Present" className="small" />
        <button type="button" className="small" onClick={() => setLesson(null)}>
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
