import { useEffect, useRef } from 'react';
import { useDebugger } from './context';
import type { HandleName } from './handles';

/** A hidden file input whose picker is offered as `name` (the action clicks it). */
export function useFilePicker(name: HandleName) {
  const { handles } = useDebugger();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => handles.offer(name, () => input.current?.click()), [handles, name]);
  return input;
}
