import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { groupKinds, groupMarkers, type MarkerGroup } from '../store/markerGroups';
import { timelineMarkers } from '../store/markers';
import { selectBreakpoints, selectRecording } from '../store/selectors';
import { selectCounterexample } from '../store/violation';
import { useDebugger, useDebuggerState } from './context';
import './timelineMarkers.css';

const GLYPH = {
  checkpoint: '◆',
  kill: '✕',
  restart: '⟳',
  destroy: '▼',
  error: '!',
  breakpoint: '●',
  violation: '✖',
} as const;

/** Markers closer than this (px) are drawn as one group with a count. */
const GAP_PX = 26;

function groupText(g: MarkerGroup): string {
  const kinds = groupKinds(g);
  return `${g.markers.length} ${kinds
    .slice(0, 2)
    .map((k) => GLYPH[k])
    .join('')}`;
}

/**
 * Marks under the scrub slider (checkpoints, kills, restarts, errors, breakpoints); click jumps.
 * Markers that would overlap are one group ("4 !⟳") whose title and name list them all; a
 * click opens the list, each entry a jump.
 */
export function TimelineMarkers() {
  const { store } = useDebugger();
  const recording = useDebuggerState(selectRecording);
  const breakpoints = useDebuggerState(selectBreakpoints);
  const counterexample = useDebuggerState(selectCounterexample);
  const strip = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [open, setOpen] = useState<{ frame: number; anchor: HTMLElement } | null>(null);
  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(e.contentRect.width || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const markers = useMemo(
    () => (recording ? timelineMarkers(recording, breakpoints, counterexample ?? undefined) : []),
    [recording, breakpoints, counterexample],
  );
  const n = recording?.frames.length ?? 0;
  const groups = useMemo(() => groupMarkers(markers, n, width, GAP_PX), [markers, n, width]);
  const close = useCallback(() => setOpen(null), []);
  const openGroup = open ? groups.find((g) => g.frame === open.frame) : undefined;
  const jump = (frame: number) => {
    setOpen(null);
    store.getState().setCursor(frame);
  };
  return (
    <div className="markers" aria-label={n ? 'Timeline markers' : undefined} ref={strip}>
      {groups.map((g) => {
        const left = { left: `${g.at * 100}%` };
        if (g.markers.length === 1) {
          const m = g.markers[0];
          return (
            <button
              key={`${m.kind}-${m.frame}`}
              type="button"
              tabIndex={-1}
              className={`marker m-${m.kind}`}
              style={left}
              title={`Step ${m.frame + 1}: ${m.label}`}
              aria-label={`Jump to step ${m.frame + 1}: ${m.label}`}
              onClick={() => jump(m.frame)}
            >
              {GLYPH[m.kind]}
            </button>
          );
        }
        const list = g.markers.map((m) => `step ${m.frame + 1}: ${m.label}`);
        return (
          <button
            key={`g-${g.frame}`}
            type="button"
            tabIndex={-1}
            className={`marker grouped m-${groupKinds(g)[0]}`}
            style={left}
            title={list.join('\n')}
            aria-label={`${g.markers.length} markers: ${list.join('; ')}`}
            aria-expanded={open?.frame === g.frame}
            onClick={(e) =>
              setOpen(open?.frame === g.frame ? null : { frame: g.frame, anchor: e.currentTarget })
            }
          >
            {groupText(g)}
          </button>
        );
      })}
      {openGroup && open ? (
        <MarkerList group={openGroup} anchor={open.anchor} onJump={jump} onClose={close} />
      ) : null}
    </div>
  );
}

/**
 * A group's markers, each a jump, in a popover: the top layer, so no panel clips it; it
 * closes on Escape or a click elsewhere.
 */
function MarkerList({
  group,
  anchor,
  onJump,
  onClose,
}: {
  group: MarkerGroup;
  anchor: HTMLElement;
  onJump: (frame: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.matches(':popover-open')) el.showPopover();
    const r = anchor.getBoundingClientRect();
    const h = el.getBoundingClientRect().height;
    el.style.left = `${Math.max(4, r.left + r.width / 2 - el.offsetWidth / 2)}px`;
    el.style.top = `${r.top - h - 4 > 4 ? r.top - h - 4 : r.bottom + 4}px`;
    const onToggle = (e: Event) => {
      if ((e as ToggleEvent).newState === 'closed') onClose();
    };
    el.addEventListener('toggle', onToggle);
    return () => el.removeEventListener('toggle', onToggle);
  }, [anchor, onClose]);
  return (
    <ul
      ref={ref}
      popover="auto"
      className="marker-list"
      aria-label={`Markers at step ${group.frame + 1}`}
    >
      {group.markers.map((m) => (
        <li key={`${m.kind}-${m.frame}`}>
          <button type="button" className="small" onClick={() => onJump(m.frame)}>
            <span aria-hidden="true">{GLYPH[m.kind]} </span>Step {m.frame + 1}: {m.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
