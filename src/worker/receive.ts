import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { WorldReplay } from '../engine/timeline/timeline';
import { unpackRecording, wrapFrames, type PackedRecording } from './pack';

/** A later turn through a message to ourselves: not clamped like a timer, not a microtask. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Task views built per turn of a big initial world: about 10 ms of building. */
const VIEWS_PER_TURN = 16_384;

/** Initial worlds of more tasks than this are rebuilt in a turn of their own. */
const BIG = 2000;

/** A recording as received, with the replay already standing at its end when it was big. */
export interface ReceivedRecording extends SessionRecording {
  readonly replay?: WorldReplay;
}

/**
 * A load's answer as the store takes it. The frames are wrapped, not copied; for a big
 * recording the initial world (100,000 task views, tens of milliseconds) is rebuilt in a turn of
 * its own, then the replay seeks the end in pieces of a few thousand rows, one per turn, and
 * the end's snapshot and the one before it (what the store shows first) are built in a turn
 * each, so no one task of the page's thread does all of it.
 */
export async function receiveRecording(
  packed: PackedRecording,
  sent: Scenario,
  turn: () => Promise<void>,
): Promise<ReceivedRecording> {
  if (packed.columns.initialTasks < BIG) return unpackRecording(packed, sent);
  await turn();
  const frames = wrapFrames(packed);
  // The initial world's views, built ahead in pieces (initialSnapshot then reads them).
  for (let r = 0; r < packed.columns.initialTasks; r++) {
    frames.reader.task(r);
    if ((r + 1) % VIEWS_PER_TURN === 0) await turn();
  }
  await turn();
  const recording = unpackRecording(packed, sent, frames);
  await turn();
  const replay = new WorldReplay(recording.initial, recording.frames);
  const end = recording.frames.length - 1;
  const seeking = replay.seek(end);
  while (!seeking.next().done) await turn();
  await turn();
  replay.at(end);
  await turn();
  replay.at(end - 1);
  return { ...recording, replay };
}
