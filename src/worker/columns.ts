/**
 * Strings as one text and where each ends: structured clone copies one string instead of one
 * per entry. Used by the column forms of task lists (pack.ts) and scenario trees (wireScenario.ts).
 */
export interface StringColumn {
  text: string;
  /** `ends[i]` is where string i ends in `text` (a null entry is empty). */
  ends: Int32Array;
}

export function packStrings(list: readonly (string | null)[]): StringColumn {
  const ends = new Int32Array(list.length);
  let end = 0;
  list.forEach((s, i) => {
    end += s?.length ?? 0;
    ends[i] = end;
  });
  return { text: list.join(''), ends };
}

export function stringAt(col: StringColumn, i: number): string {
  return col.text.slice(i > 0 ? col.ends[i - 1] : 0, col.ends[i]);
}

/** Lists shorter than this are posted as objects: packing them would not pay. */
export const PACK_MIN = 256;
