import { selectRecording } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { ActionButton } from './ActionButton';
import { runAction } from './actions/run';
import { FilePicker, firstFile } from './FilePicker';
import { Gallery } from './gallery/Gallery';
import { openJsonText } from './lessons/openLesson';
import { clip } from '../engine/quote';

/**
 * Open (the examples gallery, which also picks a crviz-scenario/1 file), save the session's
 * scenario, or go back to the default one.
 */
export function ScenarioMenu() {
  const instance = useDebugger();
  const { app, store } = instance;
  const recording = useDebuggerState(selectRecording);
  // A scenario's texts are input: a 50 MB title would take the browser seconds to lay out.
  const title = clip(recording?.scenario.title ?? recording?.scenario.name ?? '');
  const description = recording?.scenario.description;
  return (
    <div className="scenario" aria-label="Scenario">
      <span
        className="scenario-title"
        title={description === undefined ? undefined : clip(description, 1000)}
      >
        {title}
      </span>
      <ActionButton id="examples" className="small" label="Open…" />
      <Gallery onOpenFile={() => runAction(instance, 'open-scenario', 'button')} />
      <FilePicker
        handle="pickScenarioFile"
        accept=".json,application/json"
        label="Open scenario file"
        onPick={firstFile(
          'scenario',
          (name, bytes) => openJsonText({ app, store }, new TextDecoder().decode(bytes), name),
          (message) => store.getState().notify('error', message),
        )}
      />
      <ActionButton id="save-scenario" className="small" />
      <ActionButton id="reset-scenario" className="small" />
    </div>
  );
}
