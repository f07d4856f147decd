import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../engine/image/decode';
import { patchImage } from '../../engine/image/edit';
import { imageInput } from '../../engine/image/test-arbitraries';
import { writeImage } from '../../engine/image/writer';
import { compareRecords } from './compare';

describe('compareRecords', () => {
  it('an image compared with itself differs nowhere', () => {
    fc.assert(
      fc.property(imageInput, (input) => {
        const r = decodeImage(writeImage(input)).records;
        expect(compareRecords(r, r).some((p) => p.differs)).toBe(false);
      }),
    );
  });

  it('a patched field is the one field that differs', () => {
    fc.assert(
      fc.property(
        imageInput,
        fc.nat(),
        fc.integer({ min: 0, max: 0x7fffffff }),
        (input, pick, value) => {
          const bytes = writeImage(input);
          const d = decodeImage(bytes);
          fc.pre(d.ok && new Set(d.pids.map((p) => p.vpid)).size === d.pids.length);
          const i = pick % d.pids.length;
          fc.pre(d.tasks[i].exit_code !== value);
          const patched = patchImage(bytes, d.pids[i].vpid, 'exit_code', value);
          if (!patched.ok) throw new Error(patched.error.message);
          const pairs = compareRecords(d.records, decodeImage(patched.value).records);
          const differing = pairs.flatMap((p) =>
            p.fields.filter((f) => f.differs).map((f) => [p.index, f.field]),
          );
          expect(differing).toEqual([[7 + 2 * i, 'exit_code']]);
        },
      ),
    );
  });

  it('a record only one image has differs in every field', () => {
    const r = decodeImage(writeImage({ uflags: 0, pids: [], tasks: [] })).records;
    const pairs = compareRecords(r, r.slice(0, -1));
    expect(pairs.at(-1)?.differs).toBe(true);
    expect(pairs.at(-1)?.fields.every((f) => f.b === undefined)).toBe(true);
  });
});
