import { memo } from 'react';
import type { FieldValue, PidsEntry, RecordInfo } from '../../engine/image/types';
import { PIDS_PATCH_FIELDS, TASK_PATCH_FIELDS, type PatchField } from '../../engine/scenario/types';
import type { ByteMap } from './byteMap';
import { bytesAt, hexOffset } from './hex';

/** A field the patch form can set, picked by clicking it. */
export interface FieldPick {
  pid: number;
  field: PatchField;
  value: string;
}

function fieldText(v: FieldValue): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Each record's name with the task it belongs to ("TASK · pid 4", "STRING · comm of pid 4"). */
export function recordLabels(records: readonly RecordInfo[], pids: readonly PidsEntry[]): string[] {
  let task = -1;
  return records.map((r, i) => {
    if (r.name === 'TASK') task++;
    const pid = pids[task]?.vpid;
    const at = `@${hexOffset(r.offset)}`;
    if (r.name === 'TASK' && pid !== undefined) return `TASK · pid ${pid} ${at}`;
    if (r.name === 'STRING' && records[i - 1]?.name === 'TASK' && pid !== undefined)
      return `STRING · comm of pid ${pid} ${at}`;
    if (r.name === 'BUFFER' && 'entries' in r.fields) return `BUFFER · pids ${at}`;
    return `${r.name} ${at}`;
  });
}

const TASK_FIELDS = new Set<string>(TASK_PATCH_FIELDS);
const PIDS_FIELDS = new Set<string>(PIDS_PATCH_FIELDS);

interface Props {
  records: readonly RecordInfo[];
  pids: readonly PidsEntry[];
  map: ByteMap;
  /** The lit span (index into map.spans). */
  lit: number | null;
  onLit: (span: number | null) => void;
  onPick: (pick: FieldPick) => void;
}

/**
 * The records, each field a button: hovering or focusing it lights exactly its bytes in the
 * dump, clicking a field the patch form can set picks it there.
 */
export const RecordList = memo(function RecordList({
  records,
  pids,
  map,
  lit,
  onLit,
  onPick,
}: Props) {
  const labels = recordLabels(records, pids);
  const litRecord = lit === null ? -1 : map.spanRecord[lit];
  let task = -1;
  return (
    <ol className="records" aria-label="Records">
      {records.map((r, i) => {
        if (r.name === 'TASK') task++;
        const owner = pids[task]?.vpid;
        const field = (key: string, value: FieldValue, spanKey: string, pick?: FieldPick) => {
          const k = map.byField.get(`${i}:${spanKey.replace(/\.raw$/, '')}`);
          const span = k === undefined ? undefined : map.spans[k];
          return (
            <button
              key={key}
              type="button"
              className={`field${k !== undefined && k === lit ? ' lit' : ''}`}
              title={
                span
                  ? `${bytesAt(span.offset, span.size)}${pick ? ' · click to patch it' : ''}`
                  : undefined
              }
              onMouseEnter={() => onLit(k ?? null)}
              onFocus={() => onLit(k ?? null)}
              onMouseLeave={() => onLit(null)}
              onBlur={() => onLit(null)}
              onClick={() => pick && onPick(pick)}
            >
              <span className="k">{key}</span>={fieldText(value)}
            </button>
          );
        };
        const isComm = r.name === 'STRING' && records[i - 1]?.name === 'TASK';
        return (
          <li key={r.offset} className={i === litRecord ? 'lit' : ''} aria-label={labels[i]}>
            <div className="rec-head">
              <span className="hexoff">{hexOffset(r.offset)}</span> <strong>{r.name}</strong>{' '}
              <span className="dim">
                type {r.type}, len {r.len}
                {owner !== undefined && (r.name === 'TASK' || isComm) ? ` · pid ${owner}` : ''}
              </span>
            </div>
            <div className="rec-fields">
              {field('type', r.type, 'type')}
              {field('len', r.len, 'len')}
              {Object.entries(r.fields).map(([k, v]) => {
                if (k === 'entries' && Array.isArray(v)) return null;
                const patchable =
                  owner !== undefined &&
                  ((r.name === 'TASK' && TASK_FIELDS.has(k)) || (isComm && k === 'comm'));
                return field(
                  k,
                  v,
                  k,
                  patchable
                    ? { pid: owner, field: k as PatchField, value: fieldText(v) }
                    : undefined,
                );
              })}
            </div>
            {Array.isArray(r.fields.entries)
              ? r.fields.entries.map((e, j) => (
                  <div key={j} className="rec-fields entry">
                    <span className="dim">entry {j}:</span>{' '}
                    {Object.entries(e).map(([k, v]) =>
                      field(
                        k,
                        v,
                        `entries[${j}].${k}`,
                        PIDS_FIELDS.has(k) && pids[j]
                          ? { pid: pids[j].vpid, field: k as PatchField, value: String(v) }
                          : undefined,
                      ),
                    )}
                  </div>
                ))
              : null}
          </li>
        );
      })}
    </ol>
  );
});
