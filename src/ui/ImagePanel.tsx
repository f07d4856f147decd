import { useEffect, useState } from 'react';
import { selectImages, selectSnapshot } from '../store/selectors';
import { ActionButton } from './ActionButton';
import { useDebugger } from './context';
import { FilePicker, firstFile } from './FilePicker';
import { ImageView } from './ImageView';
import { CompareImages } from './image/CompareImages';
import { useDebuggerState } from './context';
import { selectImageWrittenHere } from '../store/stepResult';
import { WrittenHere } from './WrittenHere';

/** The session's checkpoint images with their sizes (the hex view comes later). */
export function ImagePanel() {
  const images = useDebuggerState(selectImages);
  const snapshot = useDebuggerState(selectSnapshot);
  const names = Object.keys(images ?? {});
  const existing = new Set(snapshot?.images ?? []);
  const writtenHere = useDebuggerState(selectImageWrittenHere);
  const [open, setOpen] = useState<string | null>(null);
  const { app, store, handles } = useDebugger();
  // The dialog's open image is this panel's: View (a registry action) asks for it by name.
  useEffect(() => handles.offer('viewImage', setOpen), [handles]);
  const [compare, setCompare] = useState<[string, string] | null>(null);
  useEffect(() => handles.offer('compareImages', (a, b) => setCompare([a, b])), [handles]);
  return (
    <section className="panel image-panel" aria-label="Image">
      <div className="panel-head">
        <h2>Images</h2>
        <span className="spacer" />
        <ActionButton
          id="compare-images"
          className="small"
          label="Compare…"
          name="Compare images"
        />
        <ActionButton id="upload-image" className="small" />
        <FilePicker
          handle="pickImageFile"
          accept=".ckpt,application/octet-stream"
          label="Upload image file"
          onPick={firstFile(
            'image',
            (name, bytes) => app.uploadImage(name, bytes),
            (message) => store.getState().notify('error', message),
          )}
        />
      </div>
      <div className="panel-body">
        {names.length === 0 ? (
          <p className="dim">No image yet: Freeze, then Checkpoint.</p>
        ) : (
          <ul className="images">
            {names.map((n) => (
              <li
                key={n}
                className={existing.has(n) ? (n === writtenHere ? 'written-here' : '') : 'future'}
              >
                <span className="img-name">{n}.ckpt</span>
                <span className="img-size">{images![n].byteLength} bytes</span>
                {existing.has(n) ? null : <span className="dim"> (written later)</span>}
                {n === writtenHere ? <WrittenHere name={n} bytes={images![n]} /> : null}
                <ActionButton
                  id="view-image"
                  args={[n]}
                  className="small"
                  label="View"
                  name={`View ${n}.ckpt`}
                />
                <ActionButton
                  id="download-image"
                  args={[n]}
                  className="small"
                  label="⤓"
                  name={`Download ${n}.ckpt`}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      {open && images?.[open] ? (
        <ImageView key={open} name={open} bytes={images[open]} onClose={() => setOpen(null)} />
      ) : null}
      {compare && images?.[compare[0]] && images[compare[1]] ? (
        <CompareImages
          images={images}
          first={compare[0]}
          second={compare[1]}
          onClose={() => setCompare(null)}
        />
      ) : null}
    </section>
  );
}
