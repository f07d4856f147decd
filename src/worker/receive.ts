import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { unpackRecording, unpackRecordingInTurns, type PackedRecording } from './pack';

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

/**
 * A load's answer as the store takes it. A big recording is unpacked over several turns, and
 * handed on in one more, so the page is not frozen for the whole of it.
 */
export async function receiveRecording(
  packed: PackedRecording,
  sent: Scenario,
  turn: () => Promise<void>,
): Promise<SessionRecording> {
  if (packed.packs.length === 0) return unpackRecording(packed, sent);
  const recording = await unpackRecordingInTurns(packed, sent, turn);
  await turn();
  return recording;
}
