/**
 * pstree.img and core-<tid>.img decoded into the objects `crit decode` prints (snake_case keys,
 * only the fields that are set), so that the bundle's tree rules (bundle.ts) apply to both. A
 * damaged file gives one message naming the entry; nothing here throws.
 */
import type { Type } from 'protobufjs';
import { commFromBytes } from '../../kernel/comm';
import type { Obj } from '../bundle-json';
import { CORE_MAGIC, PSTREE_MAGIC, splitImage } from './image-file';
import { CORE_ENTRY, PSTREE_ENTRY } from './proto';
import { errorText } from '../../error-text';

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

function decodeEntry(type: Type, bytes: Uint8Array, index: number): Decoded<Obj> {
  try {
    // defaults: false keeps crit's "only what is set"; bytes stay Uint8Array.
    return { ok: true, value: type.toObject(type.decode(bytes), { defaults: false }) as Obj };
  } catch (err) {
    return { ok: false, message: `entry ${index}: not a valid ${type.name} (${errorText(err)})` };
  }
}

export function decodePstree(bytes: Uint8Array): Decoded<Obj[]> {
  const framed = splitImage(bytes, PSTREE_MAGIC, 'PSTREE');
  if (!framed.ok) return framed;
  const out: Obj[] = [];
  for (const [i, e] of framed.entries.entries()) {
    const d = decodeEntry(PSTREE_ENTRY, e, i);
    if (!d.ok) return d;
    out.push(d.value);
  }
  return { ok: true, value: out };
}

/** The single core_entry of a core file (CRIU writes exactly one). */
export function decodeCore(bytes: Uint8Array): Decoded<Obj> {
  const framed = splitImage(bytes, CORE_MAGIC, 'CORE');
  if (!framed.ok) return framed;
  if (framed.entries.length !== 1) {
    return { ok: false, message: `${framed.entries.length} entries, a core file has exactly 1` };
  }
  const d = decodeEntry(CORE_ENTRY, framed.entries[0], 0);
  if (!d.ok) return d;
  const core = d.value;
  // comm as the kernel's bytes (kernel/comm.ts), where crit would print text or a bytes repr.
  for (const part of [core.tc, core.thread_core] as (Obj | undefined)[]) {
    if (part && part.comm instanceof Uint8Array) part.comm = commFromBytes(part.comm);
  }
  return d;
}
