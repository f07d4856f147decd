import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTIONS } from './actions/registry';
import { shortcutLabel } from './actions/types';
import { useEnabledStates, useRunAction } from './actions/run';

/** Ctrl+K: type to filter the registry's actions, Enter runs the highlighted one. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const enabled = useEnabledStates();
  const run = useRunAction();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setQuery('');
        setIndex(0);
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return ACTIONS;
    // Actions named by what was typed come first, then those whose help mentions it: typing
    // "find task" must offer Find task, not an action whose help tells of it.
    const named = ACTIONS.filter((a) => a.label.toLowerCase().includes(q));
    const told = ACTIONS.filter(
      (a) => !a.label.toLowerCase().includes(q) && a.help.toLowerCase().includes(q),
    );
    return [...named, ...told];
  }, [query]);

  const choose = (i: number) => {
    const a = matches[i];
    if (!a || enabled[a.id] !== true) return;
    setOpen(false);
    run(a.id, 'palette');
  };

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Command palette"
      onClose={() => setOpen(false)}
    >
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="crviz-palette-list"
        aria-activedescendant={matches[index] ? `crviz-cmd-${matches[index].id}` : undefined}
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(matches.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') choose(index);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="crviz-palette-list" role="listbox" aria-label="Commands">
        {matches.map((a, i) => {
          const why = enabled[a.id];
          return (
            <li
              key={a.id}
              id={`crviz-cmd-${a.id}`}
              role="option"
              aria-selected={i === index}
              aria-disabled={why !== true}
              className={i === index ? 'active' : ''}
              onMouseEnter={() => setIndex(i)}
              onClick={() => choose(i)}
            >
              <span>{a.label}</span>
              <span className="dim">{why === true ? a.help : why}</span>
              {a.shortcut ? <kbd>{shortcutLabel(a.shortcut)}</kbd> : <span />}
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}
