import { useRef } from 'react';
import { selectRecording } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { defaultScenario } from './defaultScenario';
import { Gallery } from './gallery/Gallery';
import { actionById } from './actions/registry';
import { useActionState } from './actions/useActions';

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
  const { session } = useDebugger();
  const { run } = useActionState();
  const recording = useDebuggerState(selectRecording);
  const input = useRef<HTMLInputElement>(null);
  const title = recording?.scenario.title ?? recording?.scenario.name ?? '';
  return (
    <div className="scenario" aria-label="Scenario">
      <span className="scenario-title" title={recording?.scenario.description}>
        {title}
      </span>
      <button
        type="button"
        className="small"
        title="Open an example or a file (o)"
        aria-keyshortcuts="o"
        onClick={() => run(actionById('examples'))}
      >
        Open…
      </button>
      <Gallery onOpenFile={() => input.current?.click()} />
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Open scenario file"
        hidden
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) await session.openText(await file.text(), file.name);
        }}
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
      <button
        type="button"
        className="small"
        title="Back to the default scenario (drops your steps)"
        onClick={() => void session.loadScenario(defaultScenario)}
      >
        Reset
      </button>
    </div>
  );
}
