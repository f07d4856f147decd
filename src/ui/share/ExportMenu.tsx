import type { RefObject } from 'react';
import { selectRecording } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { useDebugger, useDebuggerState } from '../context';
import { FilePicker } from '../FilePicker';
import { download } from './download';
import { svgMarkup, treePng } from './exportTree';
import { importPicked } from './importFile';
import { pickedFromInput } from './pickedFiles';
import { momentOf } from './moment';
import { errorText } from '../../engine/error-text';

/** Export the tree (SVG, PNG with its scenario) and the trace; import any file crviz reads. */
export function ExportMenu({ host }: { host: RefObject<HTMLDivElement | null> }) {
  const instance = useDebugger();
  const recording = useDebuggerState(selectRecording);
  const onPicked = (files: File[]) => importPicked(instance, pickedFromInput(files));
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
      <ActionButton id="import-file" className="small" label="Import…" />
      <FilePicker
        handle="pickImportFile"
        accept=".json,.ckpt,.png,.tar,.gz,.tgz,application/json,image/png,application/octet-stream,application/x-tar,application/gzip"
        label="Import file"
        onPick={onPicked}
      />
      <ActionButton id="import-folder" className="small" />
      <FilePicker
        handle="pickDumpFolder"
        label="Import CRIU images folder"
        directory
        onPick={onPicked}
      />
    </span>
  );
}
