import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import type { FrameColumns, HeadBase } from '../engine/timeline/columns/layout';
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
  recording: Omit<SessionRecording, 'scenario' | 'frames' | 'initial' | 'report'> & {
    scenario: WireScenario | null;
    /**
     * The report as its JSON text: a restart's step lists the order of every task restored
     * (100,000 numbers), which structured clone would read one by one in the page.
     */
    report: string;
  };
  columns: Omit<FrameColumns, 'bases'> & { bases: PackedBase[] };
}

/**
 * A restart head's shared arrays as typed arrays: a 100,000-task restart's pids, order and
 * history are about 800,000 numbers, which structured clone read one by one in the page (39 ms
 * of the message's arrival); as typed arrays they go in the transfer list.
 */
type PackedBase = Omit<HeadBase, 'pids' | 'order' | 'history'> & {
  pids: Int32Array;
  order: Int32Array;
  history: Int32Array;
};

const packBase = (b: HeadBase): PackedBase => ({
  ...b,
  pids: Int32Array.from(b.pids),
  order: Int32Array.from(b.order),
  history: Int32Array.from(b.history),
});

/** A typed array as a plain one, by index: Array.from goes through the iterator, 46 ms here. */
function plain(a: Int32Array): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

const unpackBase = (b: PackedBase): HeadBase => ({
  ...b,
  pids: plain(b.pids),
  order: plain(b.order),
  history: plain(b.history),
});

/** Packs a recording; the scenario is left out when it is the one the page sent (`sentText`). */
export function packRecording(rec: SessionRecording, sentText?: string): PackedRecording {
  const { scenario, initial, frames, report, ...rest } = rec;
  const same = sentText !== undefined && JSON.stringify(scenario) === sentText;
  const columns = recordedFrames(initial, frames).columns;
  return {
    recording: {
      ...rest,
      report: JSON.stringify(report),
      scenario: same ? null : toWire(scenario),
    },
    columns: { ...columns, bases: columns.bases.map(packBase) },
  };
}

/** The buffers postMessage moves instead of copying (each once). */
export function packedTransfer(packed: PackedRecording): ArrayBuffer[] {
  const out = new Set(recordingBuffers({ ...packed.columns, bases: [] }));
  for (const b of packed.columns.bases)
    for (const a of [b.pids, b.order, b.history]) out.add(a.buffer as ArrayBuffer);
  // The images' bytes too (9.6 MB at 100,000 tasks): the worker is done with them.
  const { images, imageVersions } = packed.recording;
  for (const bytes of [...Object.values(images), ...imageVersions.map((v) => v.bytes)])
    out.add(bytes.buffer as ArrayBuffer);
  return [...out];
}

/** The page's side of the columns: wrapped as frames, not copied. */
export function wrapFrames(packed: PackedRecording): RecordedFrames {
  return new RecordedFrames({ ...packed.columns, bases: packed.columns.bases.map(unpackBase) });
}

/** The page's side: the columns wrapped as frames, the initial world rebuilt from them. */
export function unpackRecording(
  packed: PackedRecording,
  sent: Scenario,
  frames: RecordedFrames = wrapFrames(packed),
): SessionRecording {
  const { recording } = packed;
  return {
    ...recording,
    report: JSON.parse(recording.report) as SessionRecording['report'],
    scenario: recording.scenario ? fromWire(recording.scenario) : sent,
    initial: initialSnapshot(frames),
    frames,
  };
}
