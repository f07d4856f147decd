import type { EngineEvent } from '../engine/events';
import type { FrameList } from '../engine/timeline/frames';
import { parsePartId } from '../engine/part-id';

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

/** Whether `e` is about task `pid`: by it, or acting on it. */
export function eventOfTask(e: EngineEvent, pid: number): boolean {
  return e.pid === pid || parsePartId(e.actor) === pid;
}

export function matchesQuery(e: EngineEvent, q: EventQuery): boolean {
  for (const pid of q.pids) if (!eventOfTask(e, pid)) return false;
  const fn = e.fn.toLowerCase();
  for (const f of q.fns) if (!fn.includes(f)) return false;
  for (const errno of q.errnos) if (e.errno !== errno) return false;
  if (q.words.length) {
    const all = `${e.actor} ${e.fn} ${e.what} ${e.errno ?? ''}`.toLowerCase();
    for (const w of q.words) if (!all.includes(w)) return false;
  }
  return true;
}

/** Indexes of the events matching `q`, in order. */
export function filterEvents(frames: FrameList, q: EventQuery): number[] {
  const out: number[] = [];
  for (let i = 0; i < frames.length; i++) if (matchesQuery(frames.get(i)!.event, q)) out.push(i);
  return out;
}
