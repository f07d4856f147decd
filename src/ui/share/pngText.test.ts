import { describe, expect, it } from 'vitest';
import { addTextChunks, asciiJson, crc32, isPng, readTextChunks } from './pngText';

/** A valid 1×1 PNG (IHDR, IDAT, IEND). */
const PIXEL = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

describe('PNG tEXt', () => {
  it('writes chunks before IEND and reads them back', () => {
    const json = asciiJson({ name: 'zombie €', steps: [] });
    expect(json).toMatch(/^[\x20-\x7e]+$/);
    const out = addTextChunks(PIXEL, { 'crviz-scenario': json, 'crviz-moment': '{"cursor":3}' });
    expect(isPng(out)).toBe(true);
    expect(out.subarray(out.length - 8, out.length - 4)).toEqual(
      Uint8Array.from('IEND', (c) => c.charCodeAt(0)),
    );
    const read = readTextChunks(out);
    expect(JSON.parse(read['crviz-scenario'])).toEqual({ name: 'zombie €', steps: [] });
    expect(read['crviz-moment']).toBe('{"cursor":3}');
    expect(readTextChunks(PIXEL)).toEqual({});
  });

  it('skips a chunk whose CRC does not match, and refuses non-PNG and truncated files', () => {
    const out = addTextChunks(PIXEL, { 'crviz-k': 'value' });
    expect(readTextChunks(out)).toEqual({ 'crviz-k': 'value' });
    const bad = out.slice();
    bad[bad.length - 12 - 8] ^= 1; // a byte of the tEXt data
    expect(readTextChunks(bad)).toEqual({});
    expect(() => readTextChunks(new TextEncoder().encode('{"format":1}'))).toThrow(/not a PNG/);
    expect(() => readTextChunks(out.subarray(0, out.length - 20))).toThrow();
    expect(() => addTextChunks(PIXEL, { '': 'x' })).toThrow(/keyword/);
  });

  /** `png` with one raw tEXt chunk of `data` (keyword, NUL, text) before IEND, CRC correct. */
  function withRawText(png: Uint8Array, data: Uint8Array): Uint8Array {
    // Built by hand: addTextChunks refuses such keywords.
    const iend = png.length - 12;
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set([116, 69, 88, 116], 4); // tEXt
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    const out = new Uint8Array(png.length + chunk.length);
    out.set(png.subarray(0, iend));
    out.set(chunk, iend);
    out.set(png.subarray(iend), iend + chunk.length);
    return out;
  }

  it('a 1 MB keyword is skipped, not a "Maximum call stack size exceeded"', () => {
    const data = new Uint8Array(1 << 20).fill(65);
    data[data.length - 2] = 0;
    expect(readTextChunks(withRawText(PIXEL, data))).toEqual({});
  });

  it('a 50 MB junk text chunk is skipped unread', () => {
    const data = new Uint8Array(50 << 20).fill(66);
    data.set([106, 117, 110, 107, 0], 0); // "junk" NUL
    expect(readTextChunks(withRawText(PIXEL, data))).toEqual({});
  });
});
