/**
 * Where each field of a decoded record lies in the image's bytes, from the layout tables (the
 * only description of the bytes): the image view lights exactly a field's bytes. Every record
 * starts with its 8-byte header (type, len); the pids BUFFER's payload is its entries.
 */
import {
  HDR_FIELDS,
  HDR_SIZE,
  PIDS_BUFFER,
  PIDS_ENTRY,
  PIDS_ENTRY_SIZE,
  type FieldSpec,
} from './layout';
import { layoutOf } from './reencode';
import type { RecordInfo } from './types';

/** One field's bytes: `offset` counts from the start of the image. */
export interface FieldSpan {
  /** The field's key in RecordInfo.fields (`entries[1].vppid` for a pids entry). */
  field: string;
  offset: number;
  size: number;
}

function spansOf(specs: readonly FieldSpec[], base: number, end: number, prefix = ''): FieldSpan[] {
  return specs.map((f) => ({
    field: `${prefix}${f.name}`,
    offset: base + f.offset,
    size: f.size < 0 ? end - (base + f.offset) : f.size,
  }));
}

/** The spans of one record, in byte order, tiling it: header, then its fields. */
export function recordSpans(r: RecordInfo): FieldSpan[] {
  const end = r.offset + r.len;
  const out = spansOf(HDR_FIELDS, r.offset, end);
  const layout = layoutOf(r);
  if (layout === PIDS_BUFFER) {
    const n = Math.floor((r.len - HDR_SIZE) / PIDS_ENTRY_SIZE);
    for (let i = 0; i < n; i++) {
      const base = r.offset + HDR_SIZE + i * PIDS_ENTRY_SIZE;
      out.push(...spansOf(PIDS_ENTRY, base, base + PIDS_ENTRY_SIZE, `entries[${i}].`));
    }
  } else if (layout) {
    out.push(...spansOf(layout.fields, r.offset, end));
  }
  return out.filter((s) => s.size > 0);
}

/** The span that holds field `key` of `r` (a `.raw` key is its field's bytes too). */
export function spanOfField(r: RecordInfo, key: string): FieldSpan | undefined {
  const name = key.replace(/\.raw$/, '');
  return recordSpans(r).find((s) => s.field === name);
}
