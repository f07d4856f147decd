import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import type { FrameColumns } from '../engine/timeline/columns/layout';
import { recordingBuffers } from '../engine/timeline/columns/layout';
import { RecordedFrames } from '../engine/timeline/columns/recorded-frames';
import { initialSnapshot, recordedFrames } from '../engine/timeline/timeline';
import { fromWire, toWire, type WireScenario } from './wireScenario';

/**
 * A recording as it crosses from the worker to the page. Structured clone costs about a
 * microsecond per object on the page's thread, so nothing per frame or per task travels as an
 * object: the frames and the initial world are the compact recording's typed-array columns
 * (engine/timeline/columns), posted in the transfer list, so the page receives them without a
 * copy and only wraps them. What is left (report, step starts, images, the scenario unless it is
 * the one the page sent) is small.
 */
export interface PackedRecording {
  recording: Omit<SessionRecording, 'scenario' | 'frames' | 'initial'> & {
    scenario: WireScenario | null;
  };
  columns: FrameColumns;
}

/** Packs a recording; the scenario is left out when it is the one the page sent (`sentText`). */
export function packRecording(rec: SessionRecording, sentText?: string): PackedRecording {
  const { scenario, initial, frames, ...rest } = rec;
  const same = sentText !== undefined && JSON.stringify(scenario) === sentText;
  return {
    recording: { ...rest, scenario: same ? null : toWire(scenario) },
    columns: recordedFrames(initial, frames).columns,
  };
}

/** The buffers postMessage moves instead of copying (each once). */
export function packedTransfer(packed: PackedRecording): ArrayBuffer[] {
  return recordingBuffers(packed.columns);
}

/** The page's side: the columns wrapped as frames, the initial world rebuilt from them. */
export function unpackRecording(packed: PackedRecording, sent: Scenario): SessionRecording {
  const frames = new RecordedFrames(packed.columns);
  const { recording } = packed;
  return {
    ...recording,
    scenario: recording.scenario ? fromWire(recording.scenario) : sent,
    initial: initialSnapshot(frames),
    frames,
  };
}
