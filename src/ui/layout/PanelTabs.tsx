import { useRef } from 'react';

/** The panels that share one place on a narrow screen, as the tabs name them. */
export const PANEL_TABS = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'log', label: 'Event log' },
  { id: 'image', label: 'Image' },
  { id: 'explorer', label: 'Explorer' },
] as const;

export type PanelTab = (typeof PANEL_TABS)[number]['id'];

/**
 * Below 900 px the Inspector, the Image panel, the Explorer and the event log share the space
 * under the timeline: these tabs pick the one shown (layout.css hides the others; on a wide
 * screen the tabs are hidden and every panel shows). Arrow keys move between tabs.
 */
export function PanelTabs({ tab, onChange }: { tab: PanelTab; onChange: (t: PanelTab) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: React.KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    const i = PANEL_TABS.findIndex((t) => t.id === tab);
    const next = PANEL_TABS[(i + step + PANEL_TABS.length) % PANEL_TABS.length].id;
    onChange(next);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab='${next}']`)?.focus();
  };
  return (
    <div className="panel-tabs" role="tablist" aria-label="Panels" ref={list} onKeyDown={onKey}>
      {PANEL_TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          data-tab={t.id}
          aria-selected={t.id === tab}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
