import { useEffect, useState } from 'react';
import { useDebugger } from '../context';
import { runAction } from '../actions/run';
import { pickedFromDrop } from './pickedFiles';

/** Files dropped anywhere on the page are imported; returns whether a drag is over the page. */
export function useDropImport(): boolean {
  const instance = useDebugger();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without this the browser opens the file instead of dropping it
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      const dt = e.dataTransfer;
      if (!dt || dt.files.length === 0) return;
      e.preventDefault();
      setOver(false);
      // A folder (a CRIU images directory) comes as entries; read them before the event ends.
      void pickedFromDrop(dt).then((picked) =>
        runAction(instance, 'import-dropped', 'drop', picked),
      );
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [instance]);
  return over;
}
