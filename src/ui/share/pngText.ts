/**
 * PNG tEXt chunks (PNG spec 11.3.4.3): how an exported tree picture carries its scenario, so that
 * dropping the picture back on crviz reopens it. Text is Latin-1 by the spec; callers keep it
 * ASCII (JSON with \u escapes), which every reader accepts.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error('tEXt holds Latin-1 only');
    out[i] = c;
  }
  return out;
}

function textChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`bad tEXt keyword "${keyword}"`);
  const data = new Uint8Array([...latin1(keyword), 0, ...latin1(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1('tEXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

interface Chunk {
  type: string;
  start: number;
  data: Uint8Array;
}

function* chunks(png: Uint8Array): Generator<Chunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  while (at + 12 <= png.length) {
    const len = view.getUint32(at);
    if (at + 12 + len > png.length) throw new Error('truncated PNG chunk');
    const t = png.subarray(at + 4, at + 8);
    const type = String.fromCharCode(t[0], t[1], t[2], t[3]);
    yield { type, start: at, data: png.subarray(at + 8, at + 8 + len) };
    at += 12 + len;
    if (type === 'IEND') return;
  }
  throw new Error('PNG without IEND');
}

/** A copy of `png` with tEXt chunks added just before IEND. */
export function addTextChunks(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG');
  let iend = -1;
  for (const c of chunks(png)) if (c.type === 'IEND') iend = c.start;
  const extra = Object.entries(entries).map(([k, v]) => textChunk(k, v));
  const size = extra.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, iend), 0);
  let at = iend;
  for (const c of extra) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(iend), at);
  return out;
}

/** A tEXt keyword is 1 to 79 bytes (PNG spec 11.3.4.3). */
const MAX_KEYWORD = 79;

const latin1Decoder = new TextDecoder('latin1');

/**
 * The tEXt chunks named `crviz-*` whose CRC is right, by keyword; throws when `png` is not a
 * readable PNG. Other chunks are skipped unread (a 50 MB junk chunk costs a length check, not a
 * CRC and a decode), a keyword is looked for only in its 80 bytes, and text is decoded natively.
 */
export function readTextChunks(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('not a PNG');
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (const c of chunks(png)) {
    if (c.type !== 'tEXt') continue;
    const nul = c.data.subarray(0, MAX_KEYWORD + 1).indexOf(0);
    if (nul < 1) continue;
    const key = latin1Decoder.decode(c.data.subarray(0, nul));
    if (!key.startsWith('crviz-')) continue;
    const crc = view.getUint32(c.start + 8 + c.data.length);
    if (crc !== crc32(png.subarray(c.start + 4, c.start + 8 + c.data.length))) continue;
    out[key] = latin1Decoder.decode(c.data.subarray(nul + 1));
  }
  return out;
}

/** JSON with every non-ASCII character escaped, so it fits a tEXt chunk unchanged. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
