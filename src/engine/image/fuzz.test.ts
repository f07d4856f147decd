import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRNO } from '../errno';
import { decodeImage } from './decode';
import { encodeRecords } from './reencode';
import { imageInput } from './test-arbitraries';
import { REFUSED_TEXT } from './test-fixtures';
import type { DecodedImage } from './types';
import { writeErrorImage, writeImage } from './writer';

/** Every input gives ok or a clean error; an ok result re-encodes to the bytes it came from. */
function checkClean(bytes: Uint8Array): DecodedImage {
  const d = decodeImage(bytes);
  expect(d.bytes).toBe(bytes.length);
  for (const r of d.records) expect(r.offset + r.len).toBeLessThanOrEqual(bytes.length);
  if (d.ok) {
    expect(d.error).toBeUndefined();
    expect(d.tasks.length).toBe(d.pids.length);
    expect(encodeRecords(d.records)).toEqual(bytes.subarray(0, bytes.length - d.trailing));
  } else {
    const e = d.error!;
    expect(Object.keys(ERRNO)).toContain(e.errno);
    expect(Number.isInteger(e.offset)).toBe(true);
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(bytes.length);
    expect(e.message.length).toBeGreaterThan(0);
  }
  return d;
}

const image = imageInput.map(writeImage);
const absurd = fc.oneof(
  fc.constantFrom(0, 1, 7, 8, 9, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff8),
  fc.integer({ min: 0, max: 0xffffffff }),
);
const put32 = (b: Uint8Array, at: number, v: number) => {
  if (at + 4 <= b.length) new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0, true);
};

describe('mutation fuzzing of valid images', () => {
  it('flipped bytes', () => {
    fc.assert(
      fc.property(
        image,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (img, flips) => {
          const b = img.slice();
          for (const [i, x] of flips) b[i % b.length] ^= x;
          checkClean(b);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('truncation at any point', () => {
    fc.assert(
      fc.property(image, fc.nat(), (img, cut) => {
        const d = checkClean(img.subarray(0, cut % img.length));
        expect(d.ok).toBe(false);
        expect(d.error!.errno).toBe('EPIPE');
      }),
    );
  });

  it('absurd len values in any record header', () => {
    fc.assert(
      fc.property(image, fc.nat(), absurd, (img, pick, len) => {
        const recs = decodeImage(img).records;
        const b = img.slice();
        put32(b, recs[pick % recs.length].offset + 4, len);
        checkClean(b);
      }),
      { numRuns: 300 },
    );
  });

  it('absurd nr_tasks, alone or with a matching pids len', () => {
    fc.assert(
      fc.property(image, absurd, fc.boolean(), (img, nr, matchLen) => {
        const b = img.slice();
        put32(b, 299, nr);
        if (matchLen) put32(b, 311, 8 + 24 * (nr | 0));
        const d = checkClean(b);
        if (nr !== (img.length - 331) / 96) expect(d.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('random noise, with and without a valid prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.option(image), (noise, prefix) => {
        const b = prefix ? concat(prefix.subarray(0, noise.length % prefix.length), noise) : noise;
        checkClean(b);
      }),
      { numRuns: 300 },
    );
  });

  it('concatenations of images', () => {
    const refused = writeErrorImage(REFUSED_TEXT);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(image, fc.constant(refused)), { minLength: 2, maxLength: 4 }),
        (parts) => {
          const d = checkClean(concat(...parts));
          expect(d.ok).toBe(parts[0] !== refused);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
