import { useEffect, useRef } from 'react';
import { useDebugger } from './context';
import type { HandleName } from './handles';

interface Props {
  /** The handle the registry's action calls to open the picker. */
  handle: HandleName;
  accept?: string;
  /** The accessible name of the (hidden) input. */
  label: string;
  /** Pick a folder: the files come with their paths (File.webkitRelativePath). */
  directory?: boolean;
  onPick: (files: File[]) => Promise<unknown>;
}

/**
 * A hidden file input whose picker is offered to the action registry as `handle`; the files
 * picked go to `onPick`, and the input is cleared so picking the same file again works.
 */
export function FilePicker({ handle, accept, label, directory, onPick }: Props) {
  const { handles } = useDebugger();
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => handles.offer(handle, () => input.current?.click()), [handles, handle]);
  return (
    <input
      ref={(el) => {
        input.current = el;
        // React has no prop for it: the picker then chooses a folder and lists its files.
        if (directory) el?.setAttribute('webkitdirectory', '');
      }}
      type="file"
      accept={accept}
      aria-label={label}
      hidden
      onChange={async (e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) await onPick(files);
      }}
    />
  );
}

/** An `onPick` for pickers of one file: its name and bytes. */
export function firstFile(open: (name: string, bytes: Uint8Array) => Promise<unknown>) {
  return async (files: File[]) => open(files[0].name, new Uint8Array(await files[0].arrayBuffer()));
}
