import type { SessionRecording } from '../engine/session-types';
import { hitsAny } from './breakpoints';
import type { Breakpoint } from './types';

export type MarkerKind =
  'checkpoint' | 'kill' | 'restart' | 'destroy' | 'error' | 'breakpoint' | 'violation';

export interface Marker {
  frame: number;
  kind: MarkerKind;
  label: string;
}

const STEP_MARKERS: Record<string, MarkerKind> = {
  checkpoint: 'checkpoint',
  kill: 'kill',
  restart: 'restart',
  destroy: 'destroy',
};

/**
 * Timeline markers: steps worth finding again, errors and breakpoint hits, and where an open
 * counterexample breaks its invariant.
 */
export function timelineMarkers(
  rec: SessionRecording,
  breakpoints: Breakpoint[],
  violation?: { frame: number; invariant: string },
): Marker[] {
  const out: Marker[] = [];
  if (violation && violation.frame >= 0 && violation.frame < rec.frames.length) {
    out.push({ frame: violation.frame, kind: 'violation', label: `${violation.invariant} breaks` });
  }
  rec.scenario.steps.forEach((step, i) => {
    const kind = STEP_MARKERS[step.op];
    const frame = rec.stepStarts[i];
    if (kind && frame !== undefined && frame < rec.frames.length) {
      out.push({ frame, kind, label: `${step.op} (step ${i + 1} of the scenario)` });
    }
  });
  // Through the frames' columns: a 100,000-task restart has 1.4 million frames.
  const { frames } = rec;
  const error = (i: number) =>
    out.push({ frame: i, kind: 'error', label: `${frames.fnAt(i)}: ${frames.errnoAt(i)}` });
  if (!breakpoints.length) {
    for (let i = frames.nextErrorAt(0); i >= 0; i = frames.nextErrorAt(i + 1)) error(i);
    return out;
  }
  for (let i = 0; i < frames.length; i++) {
    if (frames.errnoAt(i)) error(i);
    if (hitsAny(breakpoints, frames, i)) {
      out.push({ frame: i, kind: 'breakpoint', label: `breakpoint at ${frames.fnAt(i)}` });
    }
  }
  return out;
}

export function firstErrorFrame(rec: SessionRecording | null): number {
  if (!rec) return -1;
  return rec.frames.nextErrorAt(0);
}
