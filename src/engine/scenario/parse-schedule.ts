/** Validation of a restart `schedule` (CONTRACTS 5): "fifo", "random:SEED" or participant ids. */
import { bad } from './parse-fields';
import { isPartId, type PartId } from '../part-id';
import type { Schedule } from './types';

export function parseSchedule(v: unknown, place: string): Schedule {
  if (v === 'fifo') return 'fifo';
  if (typeof v === 'string' && v.startsWith('random:')) {
    if (v.length === 'random:'.length) bad(place, '"schedule": "random:" needs a seed');
    return v as `random:${string}`;
  }
  if (Array.isArray(v)) {
    v.forEach((id, i) => {
      if (typeof id !== 'string' || !isPartId(id)) {
        bad(place, `"schedule"[${i}] must be "coord" or "pid:N", got ${JSON.stringify(id)}`);
      }
    });
    return v as PartId[];
  }
  bad(place, '"schedule" must be "fifo", "random:SEED" or an array of "coord"/"pid:N"');
}
