import type { SessionRecording } from '../engine/session-types';
import { hitsAny } from './breakpoints';
import { nextFrame } from './navigate';
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
  for (let i = 0; i < rec.frames.length; i++) {
    const f = rec.frames.get(i)!;
    if (f.event.errno)
      out.push({ frame: i, kind: 'error', label: `${f.event.fn}: ${f.event.errno}` });
    if (breakpoints.length && hitsAny(breakpoints, rec.frames, i)) {
      out.push({ frame: i, kind: 'breakpoint', label: `breakpoint at ${f.event.fn}` });
    }
  }
  return out;
}

export function firstErrorFrame(rec: SessionRecording | null): number {
  return rec ? nextFrame(rec.frames, -1, 1, (f) => !!f.event.errno) : -1;
}
