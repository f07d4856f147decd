import { memo, useEffect, useMemo, useRef } from 'react';
import type { FieldSpan } from '../engine/image/spans';
import { asciiChar, hex2, hexOffset } from './image/hex';
import type { ByteMap } from './image/byteMap';

const ROW = 16;

/** A range of bytes [start, end) clipped to one row, or null (primitives, so rows memoise). */
interface RowProps {
  bytes: Uint8Array;
  offset: number;
  map: ByteMap;
  /** The lit field's bytes and the hovered record's, clipped to this row (-1 when none). */
  litFrom: number;
  litTo: number;
  recFrom: number;
  recTo: number;
  onHover: (at: number | null) => void;
  rowRef: (offset: number, el: HTMLDivElement | null) => void;
}

function clip(from: number, to: number, row: number): [number, number] {
  const a = Math.max(from, row);
  const b = Math.min(to, row + ROW);
  return a < b ? [a, b] : [-1, -1];
}

const HexRow = memo(function HexRow(p: RowProps) {
  const cells = Array.from(p.bytes.subarray(p.offset, p.offset + ROW), (b, i) => {
    const at = p.offset + i;
    const rec = p.map.recordOf[at];
    const lit = at >= p.litFrom && at < p.litTo;
    const inRec = at >= p.recFrom && at < p.recTo;
    return {
      b,
      at,
      lit,
      cls: `${rec < 0 ? 'none' : rec % 2 ? 'odd' : 'even'}${inRec ? ' rec' : ''}`,
    };
  });
  // A lit byte is a <mark>: the field's bytes stand out to assistive technology too (the
  // ASCII column, hidden from it, only shows them lit).
  const cell = (c: (typeof cells)[number], text: string, mark = true) =>
    c.lit && mark ? (
      <mark key={c.at} className={c.cls} onMouseEnter={() => p.onHover(c.at)}>
        {text}
      </mark>
    ) : (
      <span
        key={c.at}
        className={`${c.cls}${c.lit ? ' lit' : ''}`}
        onMouseEnter={() => p.onHover(c.at)}
      >
        {text}
      </span>
    );
  return (
    <div className="hexrow" ref={(el) => p.rowRef(p.offset, el)}>
      <span className="hexoff">{hexOffset(p.offset)}</span>
      <span className="hexbytes">{cells.map((c) => cell(c, hex2(c.b)))}</span>
      <span className="hexascii" aria-hidden="true">
        {cells.map((c) => cell(c, asciiChar(c.b), false))}
      </span>
    </div>
  );
});

/**
 * Hex dump with record boundaries: offsets in hex, the bytes, an ASCII column; bytes of
 * alternate records shaded, the hovered record underlined and the lit field's bytes marked.
 * When the lit field changes, its first row is scrolled into view.
 */
export function HexDump({
  bytes,
  map,
  lit,
  record,
  onHoverByte,
}: {
  bytes: Uint8Array;
  map: ByteMap;
  lit: FieldSpan | null;
  /** The hovered record's bytes. */
  record: { offset: number; len: number } | null;
  onHoverByte: (at: number | null) => void;
}) {
  const rows = useRef(new Map<number, HTMLDivElement>());
  const rowRef = useMemo(
    () => (offset: number, el: HTMLDivElement | null) => {
      if (el) rows.current.set(offset, el);
      else rows.current.delete(offset);
    },
    [],
  );
  useEffect(() => {
    if (!lit) return;
    rows.current.get(lit.offset - (lit.offset % ROW))?.scrollIntoView({ block: 'nearest' });
  }, [lit]);
  const starts: number[] = [];
  for (let o = 0; o < bytes.length; o += ROW) starts.push(o);
  return (
    <pre className="hexdump" aria-label="Hex dump" onMouseLeave={() => onHoverByte(null)}>
      {starts.map((o) => {
        const [litFrom, litTo] = lit ? clip(lit.offset, lit.offset + lit.size, o) : [-1, -1];
        const [recFrom, recTo] = record
          ? clip(record.offset, record.offset + record.len, o)
          : [-1, -1];
        return (
          <HexRow
            key={o}
            bytes={bytes}
            offset={o}
            map={map}
            litFrom={litFrom}
            litTo={litTo}
            recFrom={recFrom}
            recTo={recTo}
            onHover={onHoverByte}
            rowRef={rowRef}
          />
        );
      })}
    </pre>
  );
}
