import type { Marker, MarkerKind } from './markers';

/** Markers drawn at one place under the slider: one, or several too close to tell apart. */
export interface MarkerGroup {
  /** The first marker's frame: where a click jumps. */
  frame: number;
  /** Where the group sits, as a fraction of the slider (0 to 1). */
  at: number;
  markers: Marker[];
}

/** Which kind a group shows first: what a user looks for first. */
const PRIORITY: readonly MarkerKind[] = [
  'error',
  'breakpoint',
  'restart',
  'checkpoint',
  'kill',
  'destroy',
];

/**
 * Groups markers that would overlap on a slider `widthPx` wide over `frames` frames: a marker
 * closer than `gapPx` to the first of the group before it joins that group. Each group keeps
 * its markers in frame order.
 */
export function groupMarkers(
  markers: readonly Marker[],
  frames: number,
  widthPx: number,
  gapPx: number,
): MarkerGroup[] {
  if (frames <= 0) return [];
  const sorted = [...markers].sort(
    (a, b) => a.frame - b.frame || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind),
  );
  const groups: MarkerGroup[] = [];
  for (const m of sorted) {
    const at = (m.frame + 1) / frames;
    const last = groups.at(-1);
    // Measured from frames, not from the rounded `at`s, so a group's span and the gap between
    // groups are the same number wherever they are computed.
    if (last && ((m.frame - last.frame) / frames) * widthPx < gapPx) last.markers.push(m);
    else groups.push({ frame: m.frame, at, markers: [m] });
  }
  return groups;
}

/** The kinds in a group, most wanted first, each once. */
export function groupKinds(g: MarkerGroup): MarkerKind[] {
  const kinds = new Set(g.markers.map((m) => m.kind));
  return PRIORITY.filter((k) => kinds.has(k));
}
