import { describe, expect, it } from 'vitest';
import { hashKey, StateTable } from './hash';

describe('the seen-state table', () => {
  it('compares keys in full on a hash hit: colliding keys stay apart', () => {
    const t = new StateTable();
    const a = Int32Array.of(1, 2, 3);
    const b = Int32Array.of(1, 2, 4);
    // Both under one hash, as a collision would put them.
    t.add(a, 10, 7);
    expect(t.get(b, 7)).toBeUndefined();
    t.add(b, 20, 7);
    expect(t.get(a, 7)?.value).toBe(10);
    expect(t.get(b, 7)?.value).toBe(20);
    expect(t.size).toBe(2);
  });

  it('keeps its own copy of a key (the encoder reuses its buffer) and counts the bytes', () => {
    const t = new StateTable();
    const buf = Int32Array.of(5, 6);
    t.add(buf, 1);
    buf[0] = 9;
    expect(t.get(Int32Array.of(5, 6))?.value).toBe(1);
    expect(t.get(buf)).toBeUndefined();
    expect(t.bytes).toBeGreaterThanOrEqual(8);
  });

  it('hashes to 53-bit integers that differ for keys that differ', () => {
    const h = hashKey(Int32Array.of(1, 2, 3));
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
    expect(hashKey(Int32Array.of(1, 2, 4))).not.toBe(h);
    expect(hashKey(Int32Array.of(1, 2))).not.toBe(hashKey(Int32Array.of(1, 2, 0)));
  });
});
