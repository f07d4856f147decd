import { useState } from 'react';
import { selectImages, selectSnapshot } from '../store/selectors';
import { ActionButton } from './ActionButton';
import { useDebugger } from './context';
import { FilePicker, firstFile } from './FilePicker';
import { ImageView } from './ImageView';
import { useDebuggerState } from './context';

function downloadImage(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.ckpt`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The session's checkpoint images with their sizes (the hex view comes later). */
export function ImagePanel() {
  const images = useDebuggerState(selectImages);
  const snapshot = useDebuggerState(selectSnapshot);
  const names = Object.keys(images ?? {});
  const existing = new Set(snapshot?.images ?? []);
  const [open, setOpen] = useState<string | null>(null);
  const { app } = useDebugger();
  return (
    <section className="panel image-panel" aria-label="Image">
      <div className="panel-head">
        <h2>Images</h2>
        <span className="spacer" />
        <ActionButton id="upload-image" className="small" />
        <FilePicker
          handle="pickImageFile"
          accept=".ckpt,application/octet-stream"
          label="Upload image file"
          onPick={firstFile((name, bytes) => app.uploadImage(name, bytes))}
        />
      </div>
      <div className="panel-body">
        {names.length === 0 ? (
          <p className="dim">No image yet: Freeze, then Checkpoint.</p>
        ) : (
          <ul className="images">
            {names.map((n) => (
              <li key={n} className={existing.has(n) ? '' : 'future'}>
                <span className="img-name">{n}.ckpt</span>
                <span className="img-size">{images![n].byteLength} bytes</span>
                {existing.has(n) ? null : <span className="dim"> (written later)</span>}
                <button
                  type="button"
                  className="small"
                  aria-label={`View ${n}.ckpt`}
                  onClick={() => setOpen(n)}
                >
                  View
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={`Download ${n}.ckpt`}
                  onClick={() => downloadImage(n, images![n])}
                >
                  ⤓
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {open && images?.[open] ? (
        <ImageView name={open} bytes={images[open]} onClose={() => setOpen(null)} />
      ) : null}
    </section>
  );
}
