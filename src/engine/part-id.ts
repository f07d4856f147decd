/**
 * Participant ids: how events, schedules and the UI name the actors of a restart. The restart
 * coordinator is `coord`; a task is `pid:N` with N its pid in the container (CONTRACTS.md 5).
 * Every id is built by `partId` and read by `parsePartId`, nowhere else.
 */

export type TaskPartId = `pid:${number}`;
export type PartId = 'coord' | TaskPartId;

/** Who an event is by: a participant, user space outside any task, or the checkpointer. */
export type Actor = PartId | 'user' | 'checkpoint';

/** The id of task `pid`; of the coordinator when `pid` is null. */
export function partId(pid: number): TaskPartId;
export function partId(pid: number | null): PartId;
export function partId(pid: number | null): PartId {
  return pid === null ? 'coord' : `pid:${pid}`;
}

/**
 * The inverse of `partId`: the task's pid, null for the coordinator, undefined when `text` is
 * not a participant id (pids are written as `partId` writes them: no sign, no leading zero).
 */
export function parsePartId(text: string): number | null | undefined {
  if (text === 'coord') return null;
  if (!text.startsWith('pid:')) return undefined;
  const digits = text.slice(4);
  const pid = Number(digits);
  return Number.isSafeInteger(pid) && pid > 0 && String(pid) === digits ? pid : undefined;
}

export function isPartId(text: string): text is PartId {
  return parsePartId(text) !== undefined;
}
