import { recordSpans, type FieldSpan } from '../../engine/image/spans';
import type { RecordInfo } from '../../engine/image/types';

/** Which record and field each byte of an image belongs to (-1: none, bytes after the last). */
export interface ByteMap {
  recordOf: Int32Array;
  spanOf: Int32Array;
  /** Every field span of every record, in byte order. */
  spans: FieldSpan[];
  /** The record each span belongs to. */
  spanRecord: number[];
  /** The span of field `field` of record `record`, by `${record}:${field}`. */
  byField: Map<string, number>;
}

export function byteMap(length: number, records: readonly RecordInfo[]): ByteMap {
  const recordOf = new Int32Array(length).fill(-1);
  const spanOf = new Int32Array(length).fill(-1);
  const spans: FieldSpan[] = [];
  const spanRecord: number[] = [];
  const byField = new Map<string, number>();
  records.forEach((r, i) => {
    for (const s of recordSpans(r)) {
      const k = spans.push(s) - 1;
      spanRecord.push(i);
      byField.set(`${i}:${s.field}`, k);
      for (let o = s.offset; o < Math.min(length, s.offset + s.size); o++) {
        recordOf[o] = i;
        spanOf[o] = k;
      }
    }
  });
  return { recordOf, spanOf, spans, spanRecord, byField };
}
