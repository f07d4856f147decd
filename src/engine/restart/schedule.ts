import type { PartId } from '../part-id';
import type { Schedule } from '../scenario/types';
import type { RunQueue } from './runqueue';

/** mulberry32 seeded from the schedule's seed text: reproducible across browser, Node and tests. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Picker =
  | { kind: 'fifo' }
  | { kind: 'random'; next: () => number }
  | { kind: 'list'; ids: PartId[]; pos: number };

export function pickerFor(schedule: Schedule | undefined): Picker {
  if (!schedule || schedule === 'fifo') return { kind: 'fifo' };
  if (Array.isArray(schedule)) return { kind: 'list', ids: schedule, pos: 0 };
  return { kind: 'random', next: seededRandom(schedule.slice('random:'.length)) };
}

/**
 * Chooses the next participant slot from the run queue (kept in the order participants became
 * runnable). Returns an error message when an explicit id is not runnable.
 */
export function pick(
  picker: Picker,
  runqueue: RunQueue,
  slotOf: (id: PartId) => number | undefined,
): { slot: number } | { error: string } {
  if (picker.kind === 'list' && picker.pos < picker.ids.length) {
    const i = picker.pos++;
    const id = picker.ids[i];
    const slot = slotOf(id);
    if (slot === undefined || !runqueue.has(slot))
      return { error: `schedule[${i}]: ${id} is not runnable` };
    return { slot };
  }
  if (picker.kind === 'random') {
    return { slot: runqueue.at(Math.floor(picker.next() * runqueue.size)) };
  }
  return { slot: runqueue.first() };
}
