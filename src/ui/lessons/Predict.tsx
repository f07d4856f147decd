import type { SessionRecording } from '../../engine/session-types';
import { holderText, type Prediction } from './resolve';
import type { Verdict } from './verdict';

interface Props {
  recording: SessionRecording;
  prediction: Prediction;
  onGuess: (choice: Prediction['answer']) => void;
}

/** The question before a hand-off: which task gets active_pid next? */
export function Predict({ recording, prediction, onGuess }: Props) {
  const world = recording.initial;
  return (
    <fieldset className="predict">
      <legend>Predict: who gets active_pid next?</legend>
      {prediction.choices.map((c) => (
        <button
          key={String(c)}
          type="button"
          className="small"
          aria-label={`Guess ${holderText(c, world)}`}
          onClick={() => onGuess(c)}
        >
          {c === 'complete'
            ? 'Nobody: restart completes'
            : c === 'failed'
              ? 'Nobody: the hand-off fails'
              : holderText(c, world)}
        </button>
      ))}
    </fieldset>
  );
}

/**
 * The verdict of a guess, with the question it answers (the question itself is gone once the
 * cursor is on the answer) and, right or wrong, which task was next and by which rule.
 */
export function PredictVerdict({ verdict }: { verdict: Verdict | null }) {
  return (
    <div
      className={`verdict${verdict ? (verdict.right ? ' right' : ' wrong') : ''}`}
      role="status"
      aria-label="Prediction verdict"
    >
      {verdict ? (
        <>
          <p className="verdict-question">{verdict.question}</p>
          <p className="verdict-text">{verdict.text}</p>
          {verdict.why ? <p className="verdict-why">Why: {verdict.why}</p> : null}
        </>
      ) : null}
    </div>
  );
}
