import { describe, expect, it } from 'vitest';
import type { Type } from 'protobufjs';
import { splitImage, CORE_MAGIC, PSTREE_MAGIC } from './image-file';
import { imageBytes } from './fixtures/real-tree';
import { decodeMessage } from './message';
import { CORE_ENTRY, PSTREE_ENTRY } from './proto';

/** protobufjs's compiled decoder (allowed in Node, refused by the page's CSP): the reference. */
function reference(type: Type, bytes: Uint8Array): unknown {
  return type.toObject(type.decode(bytes), { defaults: false });
}

/** Either decoder's verdict, with byte fields as plain arrays so Buffer and Uint8Array agree. */
function verdict(f: () => unknown): unknown {
  try {
    return JSON.parse(
      JSON.stringify(f(), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)),
    );
  } catch {
    return 'throws';
  }
}

function entries(name: string, magic: number, what: string): Uint8Array[] {
  const framed = splitImage(imageBytes(name), magic, what);
  if (!framed.ok) throw new Error(framed.message);
  return framed.entries;
}

describe('decodeMessage', () => {
  it('reads the real dump exactly as protobufjs decodes it', () => {
    const cases: [Type, Uint8Array][] = [
      ...entries('pstree.img', PSTREE_MAGIC, 'PSTREE').map(
        (e) => [PSTREE_ENTRY, e] as [Type, Uint8Array],
      ),
      [CORE_ENTRY, entries('core-13397.img', CORE_MAGIC, 'CORE')[0]],
      [CORE_ENTRY, entries('core-13440.img', CORE_MAGIC, 'CORE')[0]],
    ];
    for (const [type, bytes] of cases) {
      const got = verdict(() => decodeMessage(type, bytes));
      expect(got).not.toBe('throws');
      expect(got).toEqual(verdict(() => reference(type, bytes)));
    }
  });
  // Damaged input is the fuzz suite's (src/fuzz/targets.ts, CRIU image reader): no exception
  // escapes decodeCore/decodePstree, verdicts bounded; it may differ from protobufjs in detail.
});
