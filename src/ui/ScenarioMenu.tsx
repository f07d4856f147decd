import { useRef } from 'react';
import { selectRecording } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { defaultScenario } from './defaultScenario';
import { clip } from '../engine/quote';
import { readPicked } from './share/readPicked';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Open a crviz-scenario/1 file, save the session's scenario, or go back to the default one. */
export function ScenarioMenu() {
  const { app, store } = useDebugger();
  const recording = useDebuggerState(selectRecording);
  const input = useRef<HTMLInputElement>(null);
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
      <button type="button" className="small" onClick={() => input.current?.click()}>
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Open scenario file"
        hidden
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const r = await readPicked(file, 'scenario');
          if (r.ok) await app.openText(new TextDecoder().decode(r.bytes), file.name);
          else store.getState().notify('error', r.message);
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
        onClick={() => void app.loadScenario(defaultScenario)}
      >
        Reset
      </button>
    </div>
  );
}
