/**
 * Structure of a criu-tree/1 bundle (spec 5.1): the wrapper, the pstree entries and the cores,
 * checked and normalised, before any tree rule is applied. Every problem names its place.
 */
import { errorText } from '../error-text';
import { describe, isObj, normalizeKeys, toInt, type Obj } from './bundle-json';
import { critComm } from './criu/crit-repr';

export const BUNDLE_FORMAT = 'criu-tree/1';

export interface PstreeEntry {
  place: string;
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** As written: checked only for live processes, since a zombie's list is garbage (spec 2.2). */
  threads: unknown[];
}

export interface Bundle {
  name?: string;
  source?: string;
  entries: PstreeEntry[];
  /** The single core_entry of each core-<tid>.img, keys in snake_case. */
  cores: Map<number, Obj>;
  /** Where a tid's core comes from, for messages: `cores["7"]` or `core-7.img`. */
  corePlace(tid: number): string;
}

class BundleError {
  constructor(readonly message: string) {}
}

function bad(place: string, message: string): never {
  throw new BundleError(place ? `${place}: ${message}` : message);
}

/** A parsed bundle's JSON value as a Bundle, or the first problem with its place. */
export function readBundle(
  raw: unknown,
): { ok: true; bundle: Bundle } | { ok: false; message: string } {
  try {
    return { ok: true, bundle: read(raw) };
  } catch (e) {
    // BundleError only spares every check an early return; it never leaves this module.
    if (e instanceof BundleError) return { ok: false, message: e.message };
    return { ok: false, message: `internal error: ${errorText(e)}` };
  }
}

function read(raw: unknown): Bundle {
  if (!isObj(raw)) bad('', `must be a JSON object, got ${describe(raw)}`);
  if (raw.format !== BUNDLE_FORMAT) {
    const hint =
      raw.magic === 'PSTREE' ? ' (this is a bare pstree.img decode; wrap it as spec 5.1 says)' : '';
    bad('', `"format" must be "${BUNDLE_FORMAT}", got ${describe(raw.format)}${hint}`);
  }
  const pstree = normalizeKeys(raw.pstree);
  if (!isObj(pstree)) bad('pstree', `must be an object, got ${describe(raw.pstree)}`);
  checkMagic(pstree, 'PSTREE', 'pstree');
  if (!Array.isArray(pstree.entries) || pstree.entries.length === 0) {
    bad(
      'pstree',
      `"entries" must be a non-empty array, got ${Array.isArray(pstree.entries) ? 'an empty one' : describe(pstree.entries)}`,
    );
  }
  const entries = pstree.entries.map((e, i) => readPstreeEntry(e, `pstree.entries[${i}]`));
  return {
    name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined,
    source: typeof raw.source === 'string' ? raw.source : undefined,
    entries,
    cores: readCores(raw.cores),
    corePlace: (tid) => `cores["${tid}"]`,
  };
}

function checkMagic(o: Obj, magic: string, place: string): void {
  if (o.magic !== undefined && o.magic !== magic) {
    bad(place, `"magic" must be "${magic}", got ${describe(o.magic)}`);
  }
}

/** pstree entries decoded from pstree.img, checked as a bundle's are; `place(i)` names entry i. */
export function readPstreeEntries(
  list: unknown[],
  place: (i: number) => string,
): { ok: true; entries: PstreeEntry[] } | { ok: false; message: string } {
  try {
    return { ok: true, entries: list.map((e, i) => readPstreeEntry(e, place(i))) };
  } catch (e) {
    if (e instanceof BundleError) return { ok: false, message: e.message };
    throw e;
  }
}

/** One pstree_entry (crit JSON or a decoded pstree.img entry), its ids checked. */
function readPstreeEntry(raw: unknown, place: string): PstreeEntry {
  if (!isObj(raw)) bad(place, `must be an object, got ${describe(raw)}`);
  const int = (k: string, min: number): number => {
    const v = toInt(raw[k]);
    if (raw[k] === undefined) bad(place, `missing required key "${k}"`);
    if (v === undefined || v < min || v > 0x7fffffff) {
      bad(place, `"${k}" must be an integer from ${min}, got ${describe(raw[k])}`);
    }
    return v;
  };
  const pid = int('pid', 1);
  place = `${place} (pid ${pid})`;
  const threads = raw.threads ?? [pid];
  if (!Array.isArray(threads))
    bad(place, `"threads" must be an array, got ${describe(raw.threads)}`);
  return { place, pid, ppid: int('ppid', 0), pgid: int('pgid', 0), sid: int('sid', 0), threads };
}

function readCores(raw: unknown): Map<number, Obj> {
  if (!isObj(raw)) bad('cores', `must be an object keyed by tid, got ${describe(raw)}`);
  const out = new Map<number, Obj>();
  for (const [key, file] of Object.entries(raw)) {
    const place = `cores["${key}"]`;
    const tid = /^[1-9]\d*$/.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(tid)) bad(place, 'keys of "cores" must be decimal tids');
    const norm = normalizeKeys(file);
    if (!isObj(norm)) bad(place, `must be a crit decode object, got ${describe(file)}`);
    checkMagic(norm, 'CORE', place);
    const first = Array.isArray(norm.entries) ? norm.entries[0] : undefined;
    if (!isObj(first)) bad(place, `"entries" must hold one core_entry object`);
    // crit prints a comm that is not UTF-8 as a Python bytes repr: back to the bytes.
    for (const part of [first.tc, first.thread_core]) {
      if (isObj(part) && typeof part.comm === 'string') part.comm = critComm(part.comm);
    }
    out.set(tid, first);
  }
  return out;
}
