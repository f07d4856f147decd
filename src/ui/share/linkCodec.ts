import type { Moment } from '../../app/moment';
import type { Variant } from '../../engine/scenario/types';
import { validSchedule, validVariant } from '../../app/moment';
import { quote } from '../../engine/quote';
import { collectCapped } from '../../engine/inflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { carriedLesson } from '../../app/momentLesson';
import { looksLikeLesson, parseLesson } from '../../engine/lesson/parse';
import { LESSON_FORMAT } from '../../engine/lesson/types';

/**
 * The permalink: one moment of a session in the URL fragment (never sent to a server).
 * `#crviz=1&s=<scenario or lesson>&v=<variant>&sch=<schedule>&c=<cursor>&sel=<pid>`, where the data is
 * `z` + base64url(deflate-raw(JSON)) when the browser can compress, else `j` + base64url(JSON).
 */

const MAX_SCENARIO_BYTES = 4 << 20;

/** A compressed scenario bigger than a link can carry is refused rather than built. */
async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes.slice().buffer])
    .stream()
    .pipeThrough(
      new CompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  return collectCapped(out.getReader(), MAX_SCENARIO_BYTES);
}

const canCompress = () => typeof CompressionStream === 'function';

/**
 * What `s` holds: the scenario, or for a lesson the whole crviz-lesson/1 document (the lesson
 * with the scenario on screen inline), so that the link is the lesson file itself.
 */
function payloadOf(m: Moment): string {
  if (!m.lesson || typeof m.lesson === 'string') return m.scenarioText;
  return JSON.stringify({
    format: LESSON_FORMAT,
    ...m.lesson,
    scenario: JSON.parse(m.scenarioText) as unknown,
  });
}

/** The fragment (without "#") for a moment. */
export async function encodeMoment(m: Moment, compress = canCompress()): Promise<string> {
  const raw = new TextEncoder().encode(payloadOf(m));
  let s = `j${toBase64Url(raw)}`;
  if (compress) {
    try {
      s = `z${toBase64Url(await deflateRaw(raw))}`;
    } catch {
      // Some browsers lack deflate-raw: the plain form still works everywhere.
    }
  }
  const p = new URLSearchParams({ crviz: '1', s });
  if (m.variant) p.set('v', m.variant);
  if (m.schedule !== 'fifo') p.set('sch', m.schedule);
  p.set('c', String(m.cursor));
  if (m.selection !== null) p.set('sel', String(m.selection));
  if (typeof m.lesson === 'string') p.set('l', m.lesson);
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

/** Inflates a link's scenario, refusing it past `limit` bytes (the page passes its worker's). */
export type Inflate = (bytes: Uint8Array, limit: number) => Promise<Uint8Array>;

/**
 * Reads a fragment back; throws an Error that says what is wrong with the link. The page inflates
 * in the engine worker, so that even a decompression bomb never blocks or fills the page.
 */
export async function decodeMoment(hash: string, inflate: Inflate): Promise<Moment> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  if (p.get('crviz') !== '1') throw new Error('not a crviz link (version 1)');
  const s = p.get('s');
  if (!s) throw new Error('the link holds no scenario');
  let raw: Uint8Array;
  try {
    const bytes = fromBase64Url(s.slice(1));
    if (s[0] === 'z') raw = await inflate(bytes, MAX_SCENARIO_BYTES);
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
  let lesson: Moment['lesson'] = p.get('l');
  if (looksLikeLesson(scenarioText)) {
    const read = parseLesson(scenarioText, 'link.json');
    if (!read.ok) throw new Error(`the lesson is not valid: ${read.message}`);
    scenarioText = JSON.stringify(read.lesson.scenario);
    lesson = carriedLesson(read.lesson);
  }
  const v = p.get('v');
  if (!validVariant(v)) throw new Error(`unknown variant ${quote(v as string)}`);
  const schedule = p.get('sch') ?? 'fifo';
  if (!validSchedule(schedule)) throw new Error(`bad schedule ${quote(schedule)}`);
  return {
    scenarioText,
    variant: v as Variant | null,
    schedule,
    cursor: int(p.get('c'), 'step', -1) ?? Number.MAX_SAFE_INTEGER,
    selection: int(p.get('sel'), 'selection', 0),
    lesson,
  };
}
