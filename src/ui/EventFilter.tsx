import { useEffect, useRef } from 'react';
import { useDebugger } from './context';
import './search.css';

/**
 * The event log's search box: what it holds is the filter (shown while it filters), Clear
 * empties it. The registry's filter-events (`/`) moves the focus here.
 */
export function EventFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { handles } = useDebugger();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => handles.offer('focusEventFilter', () => input.current?.focus()), [handles]);
  return (
    <div className="event-filter" role="search" aria-label="Event log filter">
      <label>
        <span className="sr-only">Filter events</span>
        <input
          ref={input}
          type="search"
          placeholder="Filter: pid:3 fn:do_exit errno:EBUSY or text"
          value={value}
          title="pid:N, fn:NAME, errno:NAME and words; an event must match all of them"
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {value.trim() ? (
        <button
          type="button"
          className="small"
          onClick={() => {
            onChange('');
            input.current?.focus();
          }}
        >
          Clear filter
        </button>
      ) : null}
    </div>
  );
}
