import { useState } from 'react';
import { selectFrameCount } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

/** "Go to step" field: type a step number (0 = before the first event) and press Enter. */
export function GoToStep() {
  const { store } = useDebugger();
  const frames = useDebuggerState(selectFrameCount);
  const [value, setValue] = useState('');
  return (
    <form
      className="goto"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Math.trunc(Number(value));
        if (value.trim() !== '' && Number.isFinite(n)) store.getState().setCursor(n - 1);
        setValue('');
      }}
    >
      <label>
        Go to step
        <input
          type="number"
          min={0}
          max={frames}
          value={value}
          placeholder="#"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
    </form>
  );
}
