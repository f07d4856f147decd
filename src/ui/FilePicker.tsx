import { useEffect, useRef } from 'react';
import { useDebugger } from './context';
import type { HandleName } from './handles';
import type { InputKind } from '../engine/limits';
import { readPicked } from './share/readPicked';

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
  // React has no prop for it: the picker then chooses a folder and lists its files. Set once,
  // not from a ref callback made anew by each render (the tree panel renders at every step).
  useEffect(() => {
    if (directory) input.current?.setAttribute('webkitdirectory', '');
    else input.current?.removeAttribute('webkitdirectory');
  }, [directory]);
  return (
    <input
      ref={input}
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

/**
 * An `onPick` for pickers of one file of `kind`: its name and bytes, read only once its size is
 * within the kind's limit (src/engine/limits.ts); a bigger file gets `refuse`'s one line and is
 * never read.
 */
export function firstFile(
  kind: InputKind,
  open: (name: string, bytes: Uint8Array) => Promise<unknown>,
  refuse: (message: string) => void,
) {
  return async (files: File[]) => {
    const r = await readPicked(files[0], kind);
    return r.ok ? open(files[0].name, r.bytes) : refuse(r.message);
  };
}
