import type { RecordInfo } from '../engine/image/types';

const ROW = 16;

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Hex dump with record boundaries: bytes of alternate records shaded, the hovered one lit. */
export function HexDump({
  bytes,
  records,
  hovered,
  onHover,
}: {
  bytes: Uint8Array;
  records: RecordInfo[];
  hovered: number | null;
  onHover: (record: number | null) => void;
}) {
  const recordOf = new Int32Array(bytes.length).fill(-1);
  records.forEach((r, i) => {
    for (let o = r.offset; o < Math.min(bytes.length, r.offset + r.len); o++) recordOf[o] = i;
  });
  const rows: number[] = [];
  for (let o = 0; o < bytes.length; o += ROW) rows.push(o);
  return (
    <pre className="hexdump" aria-label="Hex dump" onMouseLeave={() => onHover(null)}>
      {rows.map((o) => (
        <div key={o} className="hexrow">
          <span className="hexoff">{o.toString(16).padStart(6, '0')}</span>
          {Array.from(bytes.subarray(o, o + ROW), (b, i) => {
            const rec = recordOf[o + i];
            const cls = `${rec % 2 ? 'odd' : 'even'}${rec === hovered ? ' lit' : ''}${rec < 0 ? ' none' : ''}`;
            return (
              <span key={i} className={cls} onMouseEnter={() => onHover(rec < 0 ? null : rec)}>
                {hex2(b)}
              </span>
            );
          })}
        </div>
      ))}
    </pre>
  );
}
