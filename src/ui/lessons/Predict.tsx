import type { SessionRecording } from '../../engine/session-types';
import { holderText, type Prediction } from './resolve';

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
