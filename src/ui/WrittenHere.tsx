import { useEffect, useRef, useState } from 'react';
import { useDebugger } from './context';
import './writtenHere.css';

/**
 * The mark of an image the step at the cursor has just written: its record count (decoded in
 * the worker, the way restart reads it) beside the name, so a Checkpoint's result is seen at
 * once without a dialog covering the tree and the toolbar. The entry scrolls into view.
 */
export function WrittenHere({ name, bytes }: { name: string; bytes: Uint8Array }) {
  const { app } = useDebugger();
  // The count of the bytes it was decoded from: other bytes show no count until theirs arrives.
  const [decoded, setDecoded] = useState<{ bytes: Uint8Array; records: number } | null>(null);
  const records = decoded?.bytes === bytes ? decoded.records : null;
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let live = true;
    app.decodeImage(bytes).then(
      (d) => live && setDecoded({ bytes, records: d.records.length }),
      // The count is a courtesy: a decode the engine could not do leaves the plain mark.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [app, bytes]);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [name]);
  const count = records === null ? '' : ` · ${records} record${records === 1 ? '' : 's'}`;
  return (
    <span ref={ref} className="img-written" role="status">
      written at this step{count}
    </span>
  );
}
