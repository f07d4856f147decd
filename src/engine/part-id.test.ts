import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPartId, parsePartId, partId } from './part-id';

describe('participant ids', () => {
  it('parsePartId inverts partId', () => {
    expect(parsePartId(partId(null))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (pid) => {
        expect(parsePartId(partId(pid))).toBe(pid);
      }),
    );
  });

  it('rejects what partId never writes', () => {
    for (const text of [
      '',
      'user',
      'checkpoint',
      'pid:',
      'pid:0',
      'pid:01',
      'pid:-1',
      'pid:1e3',
      'pid: 1',
      'pid:1.5',
      'Coord',
    ])
      expect([text, parsePartId(text)]).toEqual([text, undefined]);
    expect(isPartId('pid:7')).toBe(true);
    expect(isPartId('pid:07')).toBe(false);
  });
});
