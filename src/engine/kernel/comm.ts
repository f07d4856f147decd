/**
 * A task's comm is bytes, not text: `__set_task_comm()` copies at most TASK_COMM_LEN - 1 = 15
 * bytes, so a UTF-8 character can be cut in the middle, and PR_SET_NAME accepts any bytes. crviz
 * keeps comm as a JS string (the scenario format's `comm` is a JSON string) and carries every byte
 * that is not part of valid UTF-8 as one lone surrogate U+DC80..U+DCFF, the "surrogateescape"
 * convention of Python's PEP 383. Valid text is unchanged, an old scenario means what it meant,
 * and `JSON.stringify` writes such a byte as the ASCII escape `\udce2`, so the scenario stays
 * valid UTF-8. The image writer turns each escape back into its byte, the reader the other way.
 */

const ESCAPE_BASE = 0xdc00;

/**
 * True for a code point that stands for one raw byte 0x80..0xff. Iterating a string by code
 * points (for...of) yields a lone surrogate on its own, while the low half of a real pair (as in
 * U+1D480, D835 DC80) stays inside its pair, so only lone ones are taken.
 */
function isByteEscape(cp: number): boolean {
  return cp >= 0xdc80 && cp <= 0xdcff;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (RFC 3629 table, no overlongs). */
function sequenceLength(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < end && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf; // no UTF-16 surrogates encoded as UTF-8
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The kernel's bytes as a comm string: valid UTF-8 decoded, any other byte escaped. */
export function commFromBytes(bytes: Uint8Array): string {
  let out = '';
  let run = 0; // start of the current run of valid UTF-8
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i, bytes.length);
    if (n > 0) {
      i += n;
      continue;
    }
    out += decoder.decode(bytes.subarray(run, i)) + String.fromCharCode(ESCAPE_BASE + bytes[i]);
    i += 1;
    run = i;
  }
  return out + decoder.decode(bytes.subarray(run));
}

/** The bytes a comm string stands for: UTF-8, with each byte escape written as its byte. */
export function commToBytes(comm: string): Uint8Array {
  if (!hasRawBytes(comm)) return encoder.encode(comm);
  const out: number[] = [];
  for (const ch of comm) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isByteEscape(cp)) out.push(cp - ESCAPE_BASE);
    else for (const b of encoder.encode(ch)) out.push(b);
  }
  return Uint8Array.from(out);
}

/** Bytes of one code point of a comm string (a byte escape is one byte). */
function byteLength(cp: number): number {
  if (isByteEscape(cp)) return 1;
  // A lone surrogate of any other kind is written as U+FFFD by TextEncoder: 3 bytes.
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Keeps at most `max` bytes (TASK_COMM_LEN 16 minus the NUL). Whole characters only: a name
 * written by a person is cut between characters; a byte the kernel cut is already an escape.
 */
export function truncateComm(comm: string, max = 15): string {
  // Fast path: a UTF-16 unit is at most 3 bytes, so 5 units always fit in 15.
  if (max === 15 && comm.length <= 5) return comm;
  let bytes = 0;
  let out = '';
  for (const ch of comm) {
    const n = byteLength(ch.codePointAt(0) ?? 0);
    if (bytes + n > max) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** True when the comm holds a byte that is not UTF-8 text. */
export function hasRawBytes(comm: string): boolean {
  for (const ch of comm) if (isByteEscape(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/**
 * The comm for people: text as it is, each raw byte and each control character as `\xNN`
 * (never U+FFFD, which would hide what the kernel holds).
 */
export function showComm(comm: string): string {
  // Most names have nothing to escape: no lone-surrogate-range unit, no control character.
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  if (!/[\udc80-\udcff\x00-\x1f\x7f]/.test(comm)) return comm;
  let out = '';
  for (const ch of comm) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isByteEscape(cp)) out += `\\x${(cp - ESCAPE_BASE).toString(16).padStart(2, '0')}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}
