import type { Moment } from '../../app/moment';
import { isVariant, type Variant } from '../../engine/scenario/types';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * The permalink: one moment of a session in the URL fragment (never sent to a server).
 * `#crviz=1&s=<scenario>&v=<variant>&sch=<schedule>&c=<cursor>&sel=<pid>`, where the scenario is
 * `z` + base64url(deflate-raw(JSON)) when the browser can compress, else `j` + base64url(JSON).
 */

const MAX_SCENARIO_BYTES = 4 << 20; // a decompression bomb stops here

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes.slice().buffer]).stream().pipeThrough(stream);
  const reader = out.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SCENARIO_BYTES) {
      await reader.cancel();
      throw new Error('the scenario is too large');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

const canCompress = () => typeof CompressionStream === 'function';

/** The fragment (without "#") for a moment. */
export async function encodeMoment(m: Moment, compress = canCompress()): Promise<string> {
  const raw = new TextEncoder().encode(m.scenarioText);
  let s = `j${toBase64Url(raw)}`;
  if (compress) {
    try {
      s = `z${toBase64Url(await pipe(raw, new CompressionStream('deflate-raw')))}`;
    } catch {
      // Some browsers lack deflate-raw: the plain form still works everywhere.
    }
  }
  const p = new URLSearchParams({ crviz: '1', s });
  if (m.variant) p.set('v', m.variant);
  if (m.schedule !== 'fifo') p.set('sch', m.schedule);
  p.set('c', String(m.cursor));
  if (m.selection !== null) p.set('sel', String(m.selection));
  if (m.lesson) p.set('l', m.lesson);
  return p.toString();
}

/** True when the fragment is meant to be a crviz link (then a failure deserves a notice). */
export function isMomentHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has('crviz');
}

function int(text: string | null, what: string, min: number): number | null {
  if (text === null) return null;
  if (!/^-?\d{1,9}$/.test(text) || Number(text) < min) throw new Error(`bad ${what} "${text}"`);
  return Number(text);
}

/** Reads a fragment back; throws an Error that says what is wrong with the link. */
export async function decodeMoment(hash: string): Promise<Moment> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  if (p.get('crviz') !== '1') throw new Error('not a crviz link (version 1)');
  const s = p.get('s');
  if (!s) throw new Error('the link holds no scenario');
  let raw: Uint8Array;
  try {
    const bytes = fromBase64Url(s.slice(1));
    if (s[0] === 'z') raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    else if (s[0] === 'j') raw = bytes;
    else throw new Error('unknown encoding');
  } catch (err) {
    throw new Error(`the scenario data is damaged (${(err as Error).message})`);
  }
  let scenarioText: string;
  try {
    scenarioText = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new Error('the scenario data is damaged (not UTF-8)');
  }
  const v = p.get('v');
  if (v !== null && !isVariant(v)) throw new Error(`unknown variant "${v}"`);
  const schedule = p.get('sch') ?? 'fifo';
  if (!/^(fifo|random:\d{1,15})$/.test(schedule)) throw new Error(`bad schedule "${schedule}"`);
  return {
    scenarioText,
    variant: v as Variant | null,
    schedule,
    cursor: int(p.get('c'), 'step', -1) ?? Number.MAX_SAFE_INTEGER,
    selection: int(p.get('sel'), 'selection', 0),
    lesson: p.get('l'),
  };
}
