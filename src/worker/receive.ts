import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { warmRows } from '../engine/timeline/timeline';
import { unpackRecording, type PackedRecording } from './pack';

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

/** Initial worlds of more tasks than this are rebuilt in a turn of their own. */
const BIG = 2000;

/**
 * A load's answer as the store takes it. The frames are wrapped, not copied; a big initial world
 * (100,000 task views, tens of milliseconds) is rebuilt in a turn of its own, the views the
 * store's first look at the end will read are built over more turns (warmRows), and the
 * recording handed on in one more, so no one task of the page's thread does all of it.
 */
export async function receiveRecording(
  packed: PackedRecording,
  sent: Scenario,
  turn: () => Promise<void>,
): Promise<SessionRecording> {
  if (packed.columns.initialTasks < BIG) return unpackRecording(packed, sent);
  await turn();
  const recording = unpackRecording(packed, sent);
  await turn();
  const warming = warmRows(recording.frames, recording.frames.length - 1);
  while (!warming.next().done) await turn();
  return recording;
}
