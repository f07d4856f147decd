import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { HDR_SIZE, PIDS_ENTRY, type FieldSpec, type RecordLayout } from './layout';
import * as L from './layout';
import { encodeRecords } from './reencode';
import { THREE_TASKS } from './test-fixtures';
import { imageInput } from './test-arbitraries';
import type { TaskRecord } from './types';
import { writeImage } from './writer';

describe('layout tables', () => {
  const tiles = (fields: readonly FieldSpec[], start: number, len: number) => {
    let at = start;
    for (const f of [...fields].sort((a, b) => a.offset - b.offset)) {
      expect(f.offset, f.name).toBe(at);
      at = f.size < 0 ? len : at + f.size;
    }
    expect(at).toBe(len);
  };
  it('cover every byte of each fixed record, with no overlap', () => {
    const layouts = Object.values(L).filter(
      (v): v is RecordLayout => typeof v === 'object' && v !== null && 'fields' in v,
    );
    expect(layouts.length).toBe(10);
    for (const l of layouts) tiles(l.fields, HDR_SIZE, l.len < 0 ? 100 : l.len);
    tiles(PIDS_ENTRY, 0, L.PIDS_ENTRY_SIZE);
  });
});

describe('write -> decode', () => {
  it('gives back the same uflags, pids and tasks', () => {
    fc.assert(
      fc.property(imageInput, (img) => {
        const bytes = writeImage(img);
        expect(bytes.length).toBe(331 + 96 * img.pids.length);
        const d = decodeImage(bytes);
        expect(d.ok).toBe(true);
        expect(d.uflags).toBe(img.uflags);
        expect(d.pids).toEqual(img.pids);
        const keys = Object.keys(img.tasks[0]) as Array<keyof TaskRecord>;
        const raw = d.tasks.map((t) => Object.fromEntries(keys.map((k) => [k, t[k]])));
        expect(raw).toEqual(img.tasks);
        expect(encodeRecords(d.records)).toEqual(bytes);
      }),
    );
  });

  it('re-encodes the golden image from its records', () => {
    const bytes = writeImage(THREE_TASKS);
    expect(encodeRecords(decodeImage(bytes).records)).toEqual(bytes);
  });
});
