import { selectRecording } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { ActionButton } from './ActionButton';
import { runAction } from './actions/run';
import { FilePicker, firstFile } from './FilePicker';
import { Gallery } from './gallery/Gallery';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Open (the examples gallery, which also picks a crviz-scenario/1 file), save the session's
 * scenario, or go back to the default one.
 */
export function ScenarioMenu() {
  const instance = useDebugger();
  const { app } = instance;
  const recording = useDebuggerState(selectRecording);
  const title = recording?.scenario.title ?? recording?.scenario.name ?? '';
  return (
    <div className="scenario" aria-label="Scenario">
      <span className="scenario-title" title={recording?.scenario.description}>
        {title}
      </span>
      <ActionButton id="examples" className="small" label="Open…" />
      <Gallery onOpenFile={() => runAction(instance, 'open-scenario', 'button')} />
      <FilePicker
        handle="pickScenarioFile"
        accept=".json,application/json"
        label="Open scenario file"
        onPick={firstFile((name, bytes) => app.openText(new TextDecoder().decode(bytes), name))}
      />
      <button
        type="button"
        className="small"
        disabled={!recording}
        onClick={() =>
          recording &&
          download(
            `${recording.scenario.name}.json`,
            `${JSON.stringify(recording.scenario, null, 2)}\n`,
          )
        }
      >
        Save
      </button>
      <ActionButton id="reset-scenario" className="small" />
    </div>
  );
}
