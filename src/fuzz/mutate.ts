/**
 * Inputs for fuzzing: valid samples mutated (bytes flipped, cut, spliced, repeated, absurd
 * numbers written over them), mixed with wholly random input, so that cases get deep into a
 * reader as well as fail at its door.
 */
import fc from 'fast-check';

const absurd32 = fc.constantFrom(0, 1, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000, 0xffffffff);

type Edit =
  | { kind: 'flip'; at: number; x: number }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; bytes: Uint8Array }
  | { kind: 'repeat'; at: number; len: number; times: number }
  | { kind: 'u32'; at: number; v: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    x: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 32 }),
    times: fc.integer({ min: 2, max: 64 }),
  }),
  fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), v: absurd32 }),
);

function apply(b: Uint8Array, e: Edit): Uint8Array {
  if (b.length === 0) return e.kind === 'splice' ? e.bytes : b;
  const at = e.at % b.length;
  switch (e.kind) {
    case 'flip': {
      const out = b.slice();
      out[at] ^= e.x;
      return out;
    }
    case 'cut':
      return b.slice(0, at);
    case 'splice': {
      const out = new Uint8Array(b.length + e.bytes.length);
      out.set(b.subarray(0, at));
      out.set(e.bytes, at);
      out.set(b.subarray(at), at + e.bytes.length);
      return out;
    }
    case 'repeat': {
      const piece = b.subarray(at, at + e.len);
      const parts = [b.subarray(0, at), ...Array<Uint8Array>(e.times).fill(piece), b.subarray(at)];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let off = 0;
      for (const p of parts) {
        out.set(p, off);
        off += p.length;
      }
      return out;
    }
    case 'u32': {
      const out = b.slice();
      if (at + 4 <= out.length) new DataView(out.buffer).setUint32(at, e.v >>> 0, true);
      return out;
    }
  }
}

/** Samples with 1 to 6 edits, or random bytes. */
export function mutatedBytes(samples: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(samples, fc.array(edit, { minLength: 1, maxLength: 6 }))
        .map(([s, es]) => es.reduce(apply, s)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }) },
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Texts: samples with byte edits (decoded leniently), random JSON, or random strings. */
export function mutatedText(samples: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: mutatedBytes(samples.map((s) => encoder.encode(s))).map((b) => decoder.decode(b)),
    },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}
