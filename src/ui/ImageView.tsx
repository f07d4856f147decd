import { errorText } from '../engine/error-text';
import { useEffect, useRef, useState } from 'react';
import type { DecodedImage } from '../engine/image/types';
import { HexDump } from './HexDump';
import { PatchForm } from './PatchForm';
import { useDebugger } from './context';

function fieldText(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A dialog with an image's records (offsets, decoded fields) beside its hex dump. */
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
  const [hovered, setHovered] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    app.decodeImage(bytes).then(
      (d) => live && setDecoded(d),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [app, bytes]);
  return (
    <dialog ref={dialog} className="image-view" aria-label={`Image ${name}`} onClose={onClose}>
      <div className="panel-head">
        <h2>
          {name}.ckpt · {bytes.length} bytes
          {decoded ? (decoded.ok ? ' · valid' : ' · invalid') : ''}
        </h2>
        <span className="spacer" />
        {decoded && decoded.pids.length > 0 ? <PatchForm image={name} decoded={decoded} /> : null}
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? <p className="notice error">{error}</p> : null}
      {decoded?.error ? (
        <p className="notice error">
          at offset {decoded.error.offset}: {decoded.error.errno}: {decoded.error.message}
        </p>
      ) : null}
      <div className="image-body">
        <ol className="records" aria-label="Records">
          {(decoded?.records ?? []).map((r, i) => (
            <li
              key={r.offset}
              className={i === hovered ? 'lit' : ''}
              onMouseEnter={() => setHovered(i)}
              onMouseLeave={() => setHovered(null)}
            >
              <div className="rec-head">
                <span className="hexoff">@{r.offset}</span> <strong>{r.name}</strong>{' '}
                <span className="dim">
                  type {r.type}, len {r.len}
                </span>
              </div>
              <div className="rec-fields">
                {Object.entries(r.fields).map(([k, v]) => (
                  <span key={k}>
                    <span className="k">{k}</span>={fieldText(v)}{' '}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ol>
        <HexDump
          bytes={bytes}
          records={decoded?.records ?? []}
          hovered={hovered}
          onHover={setHovered}
        />
      </div>
    </dialog>
  );
}
