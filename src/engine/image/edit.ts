/**
 * The image edits of scenario steps (patch, corrupt, truncate). Each returns a new array and
 * leaves its input alone, because the scenario keeps the original image under its name.
 */
import { fail, ok, type KResult } from '../errno';
import { PIDS_PATCH_FIELDS, TASK_PATCH_FIELDS, type PatchField } from '../scenario/types';
import { decodeImage } from './decode';
import { parseHex, viewOf, writeCString, writeNumber } from './fields';
import { COMM_STRING, HDR_SIZE, PIDS_ENTRY, PIDS_ENTRY_SIZE, TASK, indexFields } from './layout';

const TASK_FIELDS = indexFields(TASK.fields);
const PIDS_FIELDS = indexFields(PIDS_ENTRY);
const COMM = indexFields(COMM_STRING.fields).comm;

/** A patch value as a number: numbers, or integer text ("13056", "-1", "0x3300"). */
function asInteger(value: number | string): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : /^\s*-?(0x[0-9a-f]+|\d+)\s*$/i.test(value)
        ? parseSigned(value)
        : NaN;
  // Anything a u32 or an s32 can hold; it is written modulo 2^32 (two's complement).
  return Number.isInteger(n) && n >= -0x80000000 && n <= 0xffffffff ? n : undefined;
}

function parseSigned(text: string): number {
  const t = text.trim();
  return t.startsWith('-') ? -Number(t.slice(1)) : Number(t);
}

/**
 * Overwrite one field of `pid`'s task record or pids entry. The task is found by decoding the
 * image, so only a valid image can be patched (EINVAL otherwise); an unknown pid is ESRCH.
 */
export function patchImage(
  bytes: Uint8Array,
  pid: number,
  field: PatchField,
  value: number | string,
): KResult<Uint8Array> {
  const d = decodeImage(bytes);
  if (!d.ok) {
    return fail('EINVAL', `cannot patch an invalid image: ${d.error?.message ?? 'not decodable'}`);
  }
  const index = d.pids.findIndex((p) => p.vpid === pid);
  if (index < 0) return fail('ESRCH', `pid ${pid} is not in the image`);
  if (field === 'comm') {
    if (typeof value !== 'string') return fail('EINVAL', `comm must be a string, got ${value}`);
    // Records are TASK, STRING per task after the 7 leading records (spec 2.3).
    const out = bytes.slice();
    const at = d.records[7 + 2 * index + 1].offset + COMM.offset;
    out.fill(0, at, at + COMM.size);
    writeCString(out, at, COMM.size, value);
    return ok(out);
  }
  const n = asInteger(value);
  if (n === undefined) {
    return fail('EINVAL', `${field} must be a 32-bit integer, got ${JSON.stringify(value)}`);
  }
  // Only the fields a scenario may patch: the tables also list padding and the tid pointers.
  const isTask = (TASK_PATCH_FIELDS as readonly string[]).includes(field);
  const isPids = (PIDS_PATCH_FIELDS as readonly string[]).includes(field);
  if (!isTask && !isPids)
    return fail('EINVAL', `${String(field)} is not a field that can be patched`);
  const out = bytes.slice();
  const f = isTask ? TASK_FIELDS[field] : PIDS_FIELDS[field];
  const base = isTask
    ? d.records[7 + 2 * index].offset
    : d.records[6].offset + HDR_SIZE + index * PIDS_ENTRY_SIZE;
  writeNumber(viewOf(out), base + f.offset, f.kind, n);
  return ok(out);
}

/** Overwrite raw bytes at `offset`; the image never grows. */
export function corruptImage(bytes: Uint8Array, offset: number, hex: string): KResult<Uint8Array> {
  const data = parseHex(hex);
  if (!data) return fail('EINVAL', `corrupt: "${hex}" is not a whole number of hex bytes`);
  if (!Number.isInteger(offset) || offset < 0 || offset + data.length > bytes.length) {
    return fail(
      'EINVAL',
      `corrupt: ${data.length} bytes at offset ${offset} do not fit in ${bytes.length} bytes`,
    );
  }
  const out = bytes.slice();
  out.set(data, offset);
  return ok(out);
}

/** Cut the image to `length` bytes. */
export function truncateImage(bytes: Uint8Array, length: number): KResult<Uint8Array> {
  if (!Number.isInteger(length) || length < 0 || length > bytes.length) {
    return fail('EINVAL', `truncate: length ${length} is outside 0..${bytes.length}`);
  }
  return ok(bytes.slice(0, length));
}
