import { useEffect, useId, useRef, useState } from 'react';
import { ActionButton } from '../ActionButton';
import type { ActionId } from '../actions/registry';

/**
 * A menu of less used actions, so a row of buttons fits at 1280 px: the toolbar's "More" and the
 * tree panel's "Export". A disclosure (a button that shows a group of the same action buttons),
 * closed by Escape, a click outside, or running one of them.
 */
export function ToolbarMore({
  ids,
  label = 'More',
  groupName = 'More actions',
}: {
  ids: readonly ActionId[];
  label?: string;
  groupName?: string;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  return (
    <span
      className="toolbar-more"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        box.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </button>
      <span
        id={panelId}
        className="toolbar-more-items"
        role="group"
        aria-label={groupName}
        hidden={!open}
        onClick={(e) => {
          if ((e.target as Element).closest('button')) setOpen(false);
        }}
      >
        {ids.map((id) => (
          <ActionButton key={id} id={id} />
        ))}
      </span>
    </span>
  );
}
