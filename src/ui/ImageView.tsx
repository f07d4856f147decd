import { errorText } from '../engine/error-text';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DecodedImage } from '../engine/image/types';
import { HexDump } from './HexDump';
import { PatchForm } from './PatchForm';
import { useDebugger } from './context';
import { byteMap } from './image/byteMap';
import { bytesAt } from './image/hex';
import { RecordList, recordLabels, type FieldPick } from './image/RecordList';
import { imageVerdict } from './image/verdict';
import './image/image.css';

/**
 * A dialog with an image's records beside its hex dump: hovering or focusing a field lights
 * exactly its bytes (and scrolls the dump to them), hovering a byte lights its field. The
 * verdict is the engine's: the reader's and restore_task_struct's checks (checkImage).
 */
export function ImageView({
  name,
  bytes,
  onClose,
}: {
  name: string;
  bytes: Uint8Array;
  onClose: () => void;
}) {
  const { app } = useDebugger();
  const [decoded, setDecoded] = useState<DecodedImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lit, setLit] = useState<number | null>(null);
  // Each pick remounts the patch form (its key) with the picked field as its start.
  const [pick, setPick] = useState<{ n: number; field: FieldPick } | null>(null);
  const onPick = useCallback(
    (field: FieldPick) => setPick((p) => ({ n: (p?.n ?? 0) + 1, field })),
    [],
  );
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    // The panel keys this dialog by image name: another image is a new dialog, fresh state.
    let live = true;
    app.decodeImage(bytes).then(
      (d) => live && setDecoded(d),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [app, bytes]);
  const records = useMemo(() => decoded?.records ?? [], [decoded]);
  const map = useMemo(() => byteMap(bytes.length, records), [bytes, records]);
  const labels = useMemo(() => recordLabels(records, decoded?.pids ?? []), [records, decoded]);
  const onHoverByte = useCallback(
    (at: number | null) => setLit(at === null || map.spanOf[at] < 0 ? null : map.spanOf[at]),
    [map],
  );
  const span = lit === null ? null : map.spans[lit];
  const rec = lit === null ? null : records[map.spanRecord[lit]];
  const verdict = decoded ? imageVerdict(decoded) : null;
  return (
    <dialog ref={dialog} className="image-view" aria-label={`Image ${name}`} onClose={onClose}>
      <div className="panel-head">
        <h2>
          {name}.ckpt · {bytes.length} bytes
        </h2>
        {verdict ? (
          <span
            className={`verdict ${verdict.ok ? 'ok' : 'bad'}`}
            role="status"
            aria-label="Verdict"
            title={verdict.text}
          >
            {verdict.text}
          </span>
        ) : null}
        <span className="spacer" />
        {decoded && decoded.pids.length > 0 ? (
          <PatchForm key={pick?.n ?? 0} image={name} decoded={decoded} pick={pick?.field ?? null} />
        ) : null}
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? <p className="notice error">{error}</p> : null}
      <p className="lit-field dim" aria-live="polite">
        {span && rec
          ? `${labels[map.spanRecord[lit!]]} · ${span.field}: ${bytesAt(span.offset, span.size)}`
          : 'Hover or focus a field to light its bytes; click a task field to patch it.'}
      </p>
      <div className="image-body">
        <RecordList
          records={records}
          pids={decoded?.pids ?? []}
          map={map}
          lit={lit}
          onLit={setLit}
          onPick={onPick}
        />
        <HexDump bytes={bytes} map={map} lit={span} record={rec} onHoverByte={onHoverByte} />
      </div>
    </dialog>
  );
}
