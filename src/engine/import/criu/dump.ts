/**
 * A CRIU images directory (the `-D` folder of `criu dump`) as a scenario. Only pstree.img and the
 * core-<tid>.img files of the tasks it lists are read, through `files`, so the same code serves a
 * directory on disk (src/cli), files dropped on the page and a checkpoint archive (archive.ts).
 * Memory (pages-*.img, pagemap-*.img), file descriptors and the rest are never opened.
 */
import { readPstreeEntries, type Bundle } from '../bundle-read';
import { resolveState } from '../bundle-state';
import { scenarioFromBundle } from '../bundle';
import type { Obj } from '../bundle-json';
import type { ImportResult } from '../types';
import { decodeCore, decodePstree } from './decode';

export type FileRead =
  { ok: true; bytes: Uint8Array } | { ok: false; missing: boolean; reason: string };

/** The files of one dump, by name (`pstree.img`); `maxBytes` bounds a file before it is read. */
export interface DumpFiles {
  read(name: string, maxBytes: number): FileRead;
}

/** pstree.img holds ~20 bytes per process, a core ~3 KiB per thread: far below these bounds. */
export const MAX_PSTREE_BYTES = 64 << 20;
export const MAX_CORE_BYTES = 4 << 20;

export const PSTREE_IMG = 'pstree.img';
export const coreImg = (tid: number) => `core-${tid}.img`;

export function importCriuDump(files: DumpFiles, label: string, name: string): ImportResult {
  const p = files.read(PSTREE_IMG, MAX_PSTREE_BYTES);
  if (!p.ok) {
    const why = p.missing
      ? 'no pstree.img, so not a CRIU images directory'
      : `pstree.img: ${p.reason}`;
    return { ok: false, message: why };
  }
  const decoded = decodePstree(p.bytes);
  if (!decoded.ok) return { ok: false, message: `pstree.img: ${decoded.message}` };
  if (decoded.value.length === 0) return { ok: false, message: 'pstree.img: no entries' };
  const read = readPstreeEntries(decoded.value, (i) => `pstree.img entry ${i}`);
  if (!read.ok) return read;

  const cores = new Map<number, Obj>();
  const load = (tid: number, required: boolean): string | null => {
    const f = files.read(coreImg(tid), MAX_CORE_BYTES);
    if (!f.ok) return f.missing && !required ? null : `${coreImg(tid)}: ${f.reason}`;
    const core = decodeCore(f.bytes);
    if (!core.ok) return `${coreImg(tid)}: ${core.message}`;
    cores.set(tid, core.value);
    return null;
  };
  for (const e of read.entries) {
    const err = load(e.pid, true);
    if (err) return { ok: false, message: err };
    const st = resolveState(cores.get(e.pid) as Obj);
    // A zombie has one core and a threads list that is garbage (spec 2.2): nothing more to read.
    if (!st.ok || st.state === 'zombie') continue;
    for (const t of e.threads) {
      if (typeof t !== 'number' || t === e.pid || cores.has(t)) continue;
      const terr = load(t, false); // a thread without its core keeps the leader's name
      if (terr) return { ok: false, message: terr };
    }
  }
  const bundle: Bundle = { entries: read.entries, cores, corePlace: coreImg };
  return scenarioFromBundle(bundle, {
    name,
    title: `CRIU dump ${label}`,
    what: `the CRIU dump ${label}`,
    file: label,
  });
}
