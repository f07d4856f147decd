/**
 * Rebuild image bytes from the record view of decodeImage. The record view is lossless (see
 * FieldValue), so an image that decodes ok re-encodes to the same bytes: the fuzz tests use
 * this to show that the reader neither drops nor invents data.
 */
import { encodeFields, viewOf } from './fields';
import {
  COMM_STRING,
  ERROR,
  ERROR_STRING,
  HDR_SIZE,
  HEADER,
  HEADER_ARCH,
  PIDS_BUFFER,
  PIDS_ENTRY,
  PIDS_ENTRY_SIZE,
  TAIL,
  TASK,
  TREE,
  UTS_BUFFER,
  type RecordLayout,
} from './layout';
import type { RecordInfo } from './types';

/** The layout a record was decoded with; BUFFER and STRING are told apart by their fields. */
export function layoutOf(r: RecordInfo): RecordLayout | undefined {
  const fixed = [HEADER, HEADER_ARCH, TREE, TASK, TAIL, ERROR].find((l) => l.type === r.type);
  if (fixed) return fixed;
  if (r.type === UTS_BUFFER.type) return 'entries' in r.fields ? PIDS_BUFFER : UTS_BUFFER;
  if (r.type === COMM_STRING.type) return 'comm' in r.fields ? COMM_STRING : ERROR_STRING;
  return undefined;
}

export function encodeRecords(records: readonly RecordInfo[]): Uint8Array {
  const size = records.reduce((n, r) => n + r.len, 0);
  const bytes = new Uint8Array(size);
  const view = viewOf(bytes);
  let at = 0;
  for (const r of records) {
    view.setUint32(at, r.type, true);
    view.setUint32(at + 4, r.len, true);
    const layout = layoutOf(r);
    const entries = r.fields.entries;
    if (layout === PIDS_BUFFER && Array.isArray(entries)) {
      entries.forEach((e, i) =>
        encodeFields(
          bytes,
          at + HDR_SIZE + i * PIDS_ENTRY_SIZE,
          PIDS_ENTRY,
          PIDS_ENTRY_SIZE,
          e,
          view,
        ),
      );
    } else if (layout) {
      encodeFields(bytes, at, layout.fields, r.len, r.fields, view);
    }
    at += r.len;
  }
  return bytes;
}
