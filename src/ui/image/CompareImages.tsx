import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../engine/error-text';
import type { DecodedImage } from '../../engine/image/types';
import { useDebugger } from '../context';
import { compareRecords } from './compare';
import { hexOffset } from './hex';
import { recordLabels } from './RecordList';
import { imageVerdict } from './verdict';
import './image.css';

/** An image decoded by the engine (with restart's record checks), or why it could not be. */
function useDecoded(bytes: Uint8Array | undefined): DecodedImage | string | null {
  const { app } = useDebugger();
  // Kept with the bytes it is for: a newly picked image reads as not decoded yet.
  const [got, setGot] = useState<{ bytes: Uint8Array; d: DecodedImage | string } | null>(null);
  useEffect(() => {
    let live = true;
    if (bytes)
      app.decodeImage(bytes).then(
        (d) => live && setGot({ bytes, d }),
        (e: unknown) => live && setGot({ bytes, d: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [app, bytes]);
  return got && got.bytes === bytes ? got.d : null;
}

/**
 * Two of the session's images record by record: the records at each position side by side,
 * each field whose values differ marked (≠), with both verdicts. Images of one tree align
 * record for record; a patch shows up as the one field it changed.
 */
export function CompareImages({
  images,
  first,
  second,
  onClose,
}: {
  images: Record<string, Uint8Array>;
  first: string;
  second: string;
  onClose: () => void;
}) {
  const names = Object.keys(images);
  const [a, setA] = useState(first);
  const [b, setB] = useState(second);
  const [onlyDiffs, setOnlyDiffs] = useState(true);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const da = useDecoded(images[a]);
  const db = useDecoded(images[b]);
  const ready = typeof da === 'object' && da && typeof db === 'object' && db;
  const pairs = useMemo(
    () => (ready ? compareRecords(da.records, db.records) : []),
    [ready, da, db],
  );
  const labels = useMemo(
    () =>
      ready
        ? recordLabels(da.records.length >= db.records.length ? da.records : db.records, da.pids)
        : [],
    [ready, da, db],
  );
  const differing = pairs.filter((p) => p.differs).length;
  const pickImage = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}.ckpt
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <dialog
      ref={dialog}
      className="image-view compare"
      aria-label="Compare images"
      onClose={onClose}
    >
      <div className="panel-head">
        <h2>Compare images</h2>
        {pickImage('Image A', a, setA)}
        {pickImage('Image B', b, setB)}
        <label>
          <input
            type="checkbox"
            checked={onlyDiffs}
            onChange={(e) => setOnlyDiffs(e.target.checked)}
          />
          Only differing fields
        </label>
        <span className="spacer" />
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      {typeof da === 'string' || typeof db === 'string' ? (
        <p className="notice error">{typeof da === 'string' ? da : String(db)}</p>
      ) : null}
      {ready ? (
        <p className="lit-field" role="status">
          {differing === 0
            ? 'The two images have the same records.'
            : `${differing} of ${pairs.length} records differ.`}{' '}
          A: {imageVerdict(da).text} · B: {imageVerdict(db).text}
        </p>
      ) : null}
      <div className="compare-body">
        <table aria-label="Records compared">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Differs</span>
              </th>
              <th scope="col">Field</th>
              <th scope="col">{a}.ckpt</th>
              <th scope="col">{b}.ckpt</th>
            </tr>
          </thead>
          {pairs.map((p) => {
            const rows = onlyDiffs ? p.fields.filter((f) => f.differs) : p.fields;
            return (
              <tbody key={p.index} className={p.differs ? 'differs' : ''}>
                <tr>
                  <th scope="rowgroup" colSpan={4}>
                    {labels[p.index] ?? `record ${p.index}`}
                    {!p.differs ? <span className="dim"> · same</span> : null}
                  </th>
                </tr>
                {rows.map((f) => (
                  <tr key={f.field} className={f.differs ? 'differs' : ''}>
                    <td>
                      {f.differs ? (
                        <span title="differs">
                          ≠<span className="sr-only"> differs</span>
                        </span>
                      ) : null}
                    </td>
                    <td>{f.field}</td>
                    <td>{f.field === 'offset' && f.a ? hexOffset(Number(f.a)) : (f.a ?? '—')}</td>
                    <td>{f.field === 'offset' && f.b ? hexOffset(Number(f.b)) : (f.b ?? '—')}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </dialog>
  );
}
