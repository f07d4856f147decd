import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../engine/image/decode';
import { THREE_TASKS } from '../../engine/image/test-fixtures';
import { writeImage } from '../../engine/image/writer';
import { byteMap } from './byteMap';

describe('byteMap', () => {
  it('maps every byte of a valid image to its record and field', () => {
    const bytes = writeImage(THREE_TASKS);
    const d = decodeImage(bytes);
    const m = byteMap(bytes.length, d.records);
    expect(Array.from(m.recordOf).every((r) => r >= 0)).toBe(true);
    const task = d.records.findIndex((r) => r.name === 'TASK');
    const at = d.records[task].offset + 16;
    const s = m.spans[m.spanOf[at]];
    expect(s).toEqual({ field: 'exit_code', offset: at, size: 4 });
    expect(m.spanRecord[m.spanOf[at]]).toBe(task);
  });

  it('leaves bytes no record covers unmapped', () => {
    const bytes = writeImage(THREE_TASKS).subarray(0, 70);
    const m = byteMap(bytes.length, decodeImage(bytes).records);
    expect(m.recordOf[60]).toBe(-1);
    expect(m.recordOf[0]).toBe(0);
  });
});
