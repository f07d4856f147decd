import type { EngineEvent } from '../engine/events';
import { frameList, type FrameList } from '../engine/timeline/frames';

/**
 * The event log's filter: `pid:3`, `fn:do_exit`, `errno:EBUSY` and free words, all of which an
 * event must match. Free words match the actor, function, text and errno, case-insensitively;
 * `fn:` matches a part of the function's name (`fn:exit` finds do_exit and exit_notify).
 */
export interface EventQuery {
  pids: number[];
  fns: string[];
  errnos: string[];
  words: string[];
}

/** Longest query read: the box is for a few words, not a pasted log. */
export const MAX_QUERY = 200;

export function parseEventQuery(text: string): EventQuery {
  const q: EventQuery = { pids: [], fns: [], errnos: [], words: [] };
  for (const token of text.slice(0, MAX_QUERY).trim().split(/\s+/)) {
    if (!token) continue;
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    const value = token.slice(colon + 1);
    if (key === 'pid' && /^\d+$/.test(value) && Number(value) > 0) q.pids.push(Number(value));
    else if (key === 'fn' && value) q.fns.push(value.toLowerCase());
    else if (key === 'errno' && value) q.errnos.push(value.toUpperCase());
    else q.words.push(token.toLowerCase());
  }
  return q;
}

export function isEmptyQuery(q: EventQuery): boolean {
  return !q.pids.length && !q.fns.length && !q.errnos.length && !q.words.length;
}

/** Whether event `e` matches `q` (frameMatches of a list of one frame: one matcher for both). */
export function matchesQuery(e: EngineEvent, q: EventQuery): boolean {
  return frameMatches(frameList([{ event: e, step: 0, change: null, active: null }]), 0, q);
}

/**
 * Whether frame `i` matches `q`, as matchesQuery says of its event, read from the frames'
 * columns: the pid, function and errno terms first (number and name reads), the words last
 * (they need the event's text).
 */
export function frameMatches(frames: FrameList, i: number, q: EventQuery): boolean {
  for (const pid of q.pids)
    if (frames.pidAt(i) !== pid && frames.actorPidAt(i) !== pid) return false;
  if (q.fns.length) {
    const fn = frames.fnAt(i).toLowerCase();
    for (const f of q.fns) if (!fn.includes(f)) return false;
  }
  if (q.errnos.length) {
    const errno = frames.errnoAt(i);
    for (const e of q.errnos) if (errno !== e) return false;
  }
  if (q.words.length) {
    const all =
      `${frames.actorAt(i)} ${frames.fnAt(i)} ${frames.whatAt(i)} ${frames.errnoAt(i) ?? ''}`.toLowerCase();
    for (const w of q.words) if (!all.includes(w)) return false;
  }
  return true;
}

/** Indexes of the events matching `q`, in order. */
export function filterEvents(frames: FrameList, q: EventQuery): number[] {
  const run = filterInChunks(frames, q, Number.MAX_SAFE_INTEGER);
  let r = run.next();
  while (!r.done) r = run.next();
  return r.value;
}

/**
 * filterEvents in pieces of `chunk` frames: yields how many frames it has read after each piece
 * and returns the matches, so the page can read a 1.4-million-frame log over several turns
 * (a word term decodes every event's text) instead of in one long task.
 */
export function* filterInChunks(
  frames: FrameList,
  q: EventQuery,
  chunk = 32768,
): Generator<number, number[], void> {
  const out: number[] = [];
  for (let start = 0; start < frames.length; start += chunk) {
    const end = Math.min(frames.length, start + chunk);
    for (let i = start; i < end; i++) if (frameMatches(frames, i, q)) out.push(i);
    if (end < frames.length) yield end;
  }
  return out;
}
