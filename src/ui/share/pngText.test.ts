import { describe, expect, it } from 'vitest';
import { addTextChunks, asciiJson, isPng, readTextChunks } from './pngText';

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
    const out = addTextChunks(PIXEL, { k: 'value' });
    const bad = out.slice();
    bad[bad.length - 12 - 8] ^= 1; // a byte of the tEXt data
    expect(readTextChunks(bad)).toEqual({});
    expect(() => readTextChunks(new TextEncoder().encode('{"format":1}'))).toThrow(/not a PNG/);
    expect(() => readTextChunks(out.subarray(0, out.length - 20))).toThrow();
    expect(() => addTextChunks(PIXEL, { '': 'x' })).toThrow(/keyword/);
  });
});
