import { errorText } from '../../engine/error-text';
import { useRef, type ChangeEvent, type RefObject } from 'react';
import { selectRecording } from '../../store/selectors';
import { useDebugger, useDebuggerState } from '../context';
import { download } from './download';
import { svgMarkup, treePng } from './exportTree';
import { importPicked } from './importFile';
import { pickedFromInput } from './pickedFiles';
import { momentOf } from './moment';

/** Export the tree (SVG, PNG with its scenario) and the trace; import any file crviz reads. */
export function ExportMenu({ host }: { host: RefObject<HTMLDivElement | null> }) {
  const instance = useDebugger();
  const recording = useDebuggerState(selectRecording);
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const onPicked = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = pickedFromInput(e.target.files);
    e.target.value = ''; // picking the same file again must fire again
    await importPicked(instance, picked);
  };
  const name = recording?.scenario.name ?? 'crviz';
  const svg = () => host.current?.querySelector('svg') ?? null;
  const fail = (what: string, err: unknown) =>
    instance.store.getState().notify('error', `${what} failed: ${errorText(err)}`);

  const exportSvg = () => {
    const el = svg();
    if (el) download(`${name}.svg`, svgMarkup(el).markup, 'image/svg+xml');
  };
  const exportPng = async () => {
    const el = svg();
    const m = momentOf(instance.store.getState());
    if (!el || !m) return;
    try {
      const png = await treePng(el, m);
      download(`${name}.png`, png.slice().buffer, 'image/png');
    } catch (err) {
      fail('PNG export', err);
    }
  };
  const exportTrace = () => {
    if (!recording) return;
    const trace = recording.frames.map((f) => f.event);
    download(`${name}-trace.json`, `${JSON.stringify(trace, null, 2)}\n`, 'application/json');
  };

  return (
    <span className="export-menu">
      <button type="button" className="small" disabled={!recording} onClick={exportSvg}>
        Export SVG
      </button>
      <button
        type="button"
        className="small"
        disabled={!recording}
        onClick={() => void exportPng()}
      >
        Export PNG
      </button>
      <button type="button" className="small" disabled={!recording} onClick={exportTrace}>
        Export trace
      </button>
      <button type="button" className="small" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.ckpt,.png,.tar,.gz,.tgz,application/json,image/png,application/octet-stream,application/x-tar,application/gzip"
        aria-label="Import file"
        hidden
        onChange={onPicked}
      />
      <button type="button" className="small" onClick={() => folder.current?.click()}>
        Import CRIU folder…
      </button>
      <input
        ref={(el) => {
          folder.current = el;
          // React has no prop for it: the picker then chooses a folder and lists its files.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        aria-label="Import CRIU images folder"
        hidden
        onChange={onPicked}
      />
    </span>
  );
}
