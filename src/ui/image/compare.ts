import type { FieldValue, RecordInfo } from '../../engine/image/types';

/** One field of two records side by side (undefined where a side has no such field). */
export interface FieldPair {
  field: string;
  a?: string;
  b?: string;
  differs: boolean;
}

/** The records at one position of two images (images of one layout align record for record). */
export interface RecordPair {
  index: number;
  a?: RecordInfo;
  b?: RecordInfo;
  fields: FieldPair[];
  differs: boolean;
}

function text(v: FieldValue): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A record's fields as flat key/value texts: the header, its fields, each pids entry's. */
function flat(r: RecordInfo | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!r) return out;
  out.set('type', String(r.type));
  out.set('len', String(r.len));
  out.set('offset', String(r.offset));
  for (const [k, v] of Object.entries(r.fields)) {
    if (k === 'entries' && Array.isArray(v)) {
      v.forEach((e, i) => {
        for (const [ek, ev] of Object.entries(e)) out.set(`entries[${i}].${ek}`, String(ev));
      });
    } else {
      out.set(k, text(v));
    }
  }
  return out;
}

/** Two images' records position by position, each field marked when the two differ. */
export function compareRecords(a: readonly RecordInfo[], b: readonly RecordInfo[]): RecordPair[] {
  const out: RecordPair[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const fa = flat(a[i]);
    const fb = flat(b[i]);
    const keys = [...fa.keys(), ...[...fb.keys()].filter((k) => !fa.has(k))];
    const fields = keys.map((field) => {
      const x = fa.get(field);
      const y = fb.get(field);
      return { field, a: x, b: y, differs: x !== y };
    });
    out.push({ index: i, a: a[i], b: b[i], fields, differs: fields.some((f) => f.differs) });
  }
  return out;
}
