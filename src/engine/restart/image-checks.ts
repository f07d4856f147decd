/**
 * An image as restart would judge it: the reader's verdict (framing, header values) and then
 * restore_task_struct's record checks (validate-record.ts) on every task, leader or thread as
 * its pids entry says. The image view shows the result after a patch, so "valid" means what
 * the restart would accept, not only what decodes.
 */
import { decodeImage } from '../image/decode';
import type { DecodedImage } from '../image/types';
import { validateTaskRecord } from './validate-record';

/** What restore_task_struct would refuse, "pid N: reason", in restart order. */
export function refusedRecords(d: DecodedImage): string[] {
  const out: string[] = [];
  d.tasks.forEach((t, i) => {
    const entry = d.pids[i];
    const verdict = validateTaskRecord(t, entry.vpid === entry.vtgid);
    if (!verdict.ok) out.push(`pid ${t.pid}: ${verdict.reason}`);
  });
  return out;
}

/** decodeImage plus the record checks (`refused`), for the page's image view. */
export function checkImage(bytes: Uint8Array): DecodedImage {
  const d = decodeImage(bytes);
  return d.ok ? { ...d, refused: refusedRecords(d) } : d;
}
