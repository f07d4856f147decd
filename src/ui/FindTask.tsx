import { useEffect, useRef, useState } from 'react';
import { actionState, runAction } from './actions/run';
import { shownTask } from './actions/searchActions';
import { useDebugger } from './context';
import './search.css';

/**
 * The tree's Find task box: a pid, Enter, and the task is opened, scrolled to, selected and
 * focused (the registry's find-task). A pid not in the tree at this step says so here.
 */
export function FindTask() {
  const instance = useDebugger();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [miss, setMiss] = useState<string | null>(null);
  useEffect(
    () => instance.handles.offer('focusFindTask', () => input.current?.focus()),
    [instance],
  );
  return (
    <form
      className="find-task"
      role="search"
      aria-label="Find task"
      onSubmit={(e) => {
        e.preventDefault();
        const pid = Number(text.trim());
        if (!/^\d+$/.test(text.trim()) || pid < 1) {
          setMiss('Type a pid (a whole number)');
          return;
        }
        if (!shownTask(actionState(instance.store.getState()), pid)) {
          setMiss(`No pid ${pid} in the tree at this step`);
          return;
        }
        setMiss(null);
        runAction(instance, 'find-task', 'button', pid);
      }}
    >
      <label>
        <span className="sr-only">Find task</span>
        <input
          ref={input}
          type="search"
          inputMode="numeric"
          placeholder="Find pid…"
          size={8}
          value={text}
          aria-describedby={miss ? 'crviz-find-miss' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setMiss(null);
          }}
        />
      </label>
      <span id="crviz-find-miss" className="find-miss" role="status">
        {miss ?? ''}
      </span>
    </form>
  );
}
