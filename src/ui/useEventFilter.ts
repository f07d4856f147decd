import { useEffect, useMemo, useState } from 'react';
import type { FrameList } from '../engine/timeline/frames';
import { filterEvents, filterInChunks, isEmptyQuery, type EventQuery } from '../store/eventQuery';

/** Logs up to this many frames are filtered at once (a few milliseconds); longer ones in turns. */
const AT_ONCE = 50_000;

/** The event log's filter result: the matching frames (null: no filter), and how far a long one is. */
export interface EventFilterResult {
  shown: number[] | null;
  /** While a long log is being filtered: frames read so far of all (the last result stays shown). */
  reading: { done: number; of: number } | null;
}

/** A turn of its own for each piece, through a message (not clamped like a timer). */
function later(f: () => void): () => void {
  const ch = new MessageChannel();
  ch.port1.onmessage = f;
  ch.port2.postMessage(0);
  return () => ch.port1.close();
}

/**
 * Filters `frames` by `query`: at once for a short log, otherwise in pieces of 32,768 frames,
 * one per turn of the event loop, so typing a word over a 1.4-million-event restart never holds
 * the page for long; a new query or recording drops the run in progress.
 */
export function useEventFilter(frames: FrameList | null, query: EventQuery): EventFilterResult {
  const empty = isEmptyQuery(query) || !frames;
  const small = !frames || frames.length <= AT_ONCE;
  const now = useMemo(
    () => (empty ? null : small ? filterEvents(frames!, query) : undefined),
    [frames, query, empty, small],
  );
  const [long, setLong] = useState<EventFilterResult>({ shown: null, reading: null });
  useEffect(() => {
    if (now !== undefined || !frames) return;
    const run = filterInChunks(frames, query);
    let cancel = () => {};
    const piece = () => {
      const r = run.next();
      if (r.done) setLong({ shown: r.value, reading: null });
      else {
        setLong((prev) => ({ shown: prev.shown, reading: { done: r.value, of: frames.length } }));
        cancel = later(piece);
      }
    };
    cancel = later(piece);
    return () => cancel();
  }, [frames, query, now]);
  return now !== undefined ? { shown: now, reading: null } : long;
}
