import { useEffect, useRef } from 'react';
import { useDebugger } from './context';
import type { HandleName } from './handles';

interface Props {
  /** The handle the registry's action calls to open the picker. */
  handle: HandleName;
  accept: string;
  /** The accessible name of the (hidden) input. */
  label: string;
  onFile: (name: string, bytes: Uint8Array) => Promise<unknown>;
}

/**
 * A hidden file input whose picker is offered to the action registry as `handle`; the file
 * picked goes to `onFile`, and the input is cleared so picking the same file again works.
 */
export function FilePicker({ handle, accept, label, onFile }: Props) {
  const { handles } = useDebugger();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => handles.offer(handle, () => input.current?.click()), [handles, handle]);
  return (
    <input
      ref={input}
      type="file"
      accept={accept}
      aria-label={label}
      hidden
      onChange={async (e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) await onFile(file.name, new Uint8Array(await file.arrayBuffer()));
      }}
    />
  );
}
