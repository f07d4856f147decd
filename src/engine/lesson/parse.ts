/**
 * crviz-lesson/1 reader: JSON text in, a Lesson whose scenario passed the scenario parser and
 * whose anchors name steps that exist, or the first problem as one line naming its place. Like
 * the scenario parser it never throws, and the text is measured before it is read.
 */
import { errorText } from '../error-text';
import { isKernelFn } from '../kernel-fns';
import { formatBytes } from '../limits';
import { isPartId } from '../part-id';
import { describeValue, quote } from '../quote';
import { parseJson } from '../scenario/parse-json';
import {
  asObject,
  bad,
  checkKeys,
  has,
  int,
  oneOf,
  opt,
  SchemaError,
  str,
} from '../scenario/parse-fields';
import { baseName, scenarioFromJson } from '../scenario/parse';
import { VARIANTS, type Scenario } from '../scenario/types';
import {
  CAPTION_QUESTIONS,
  LESSON_FORMAT,
  type Caption,
  type CaptionAnchor,
  type Lesson,
} from './types';

/**
 * A lesson is a scenario a teacher wrote plus its text: 8 MiB holds a tree of thousands of tasks
 * and hundreds of captions. It is read on the page's thread, so it gets a bound of its own,
 * well below the 64 MiB of a scenario (which the worker reads).
 */
export const MAX_LESSON_CHARS = 8 * 1024 * 1024;
export const MAX_CAPTIONS = 500;
export const MAX_CAPTION_CHARS = 4000;
const MAX_TITLE_CHARS = 200;
const MAX_SUMMARY_CHARS = 1000;
const MAX_NTH = 1_000_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SCHEDULE = /^(fifo|random:\d{1,15})$/;

const TOP_KEYS = [
  '$schema',
  'format',
  'id',
  'title',
  'summary',
  'variant',
  'schedule',
  'scenario',
  'captions',
] as const;
const CAPTION_KEYS = ['at', 'text', 'ask'] as const;
const ANCHOR_KEYS = ['step', 'fn', 'actor', 'nth'] as const;

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; message: string };

export function parseLesson(text: string, source: string): LessonResult {
  if (text.length > MAX_LESSON_CHARS) {
    const size = text.length.toLocaleString('en');
    return {
      ok: false,
      message: `too large (${size} characters): a lesson may be at most ${formatBytes(MAX_LESSON_CHARS)}`,
    };
  }
  const json = parseJson(text);
  if (!json.ok) return json;
  try {
    return { ok: true, lesson: validate(json.value, source) };
  } catch (err) {
    if (err instanceof SchemaError) return { ok: false, message: err.message };
    return { ok: false, message: `internal error: ${errorText(err)}` };
  }
}

/** Whether a JSON text says it is a lesson (found without parsing it, like criu-tree/1). */
export function looksLikeLesson(text: string): boolean {
  return /(?<!\\)"format"\s*:\s*"crviz-lesson\/1"/.test(text);
}

/** A bounded text: present, a string, not blank, at most `max` characters. */
function text(o: Record<string, unknown>, key: string, place: string, max: number): string {
  const v = str(o, key, place);
  if (v.trim() === '') bad(place, `"${key}" must not be empty`);
  if (v.length > max)
    bad(place, `"${key}" is ${v.length} characters long; at most ${max} are allowed`);
  return v;
}

function validate(raw: unknown, source: string): Lesson {
  const o = asObject(raw, '', 'a JSON object');
  checkKeys(o, TOP_KEYS, 'top level');
  opt(o, '$schema', (o, k) => str(o, k, ''));
  if (!has(o, 'format')) bad('', `missing required key "format" (use "${LESSON_FORMAT}")`);
  if (o.format !== LESSON_FORMAT) {
    bad('', `"format" must be "${LESSON_FORMAT}", got ${describeValue(o.format)}`);
  }
  const id = opt(o, 'id', (o, k) => str(o, k, '')) ?? baseName(source);
  if (!ID.test(id)) {
    bad('', `"id" must be letters, digits, ".", "_" or "-" (at most 64), got ${quote(id)}`);
  }
  const title = text(o, 'title', '', MAX_TITLE_CHARS);
  const summary = opt(o, 'summary', (o, k) => text(o, k, '', MAX_SUMMARY_CHARS));
  const variant = opt(o, 'variant', (o, k) => oneOf(o, k, '', VARIANTS));
  const schedule = opt(o, 'schedule', (o, k) => str(o, k, ''));
  if (schedule !== undefined && !SCHEDULE.test(schedule)) {
    bad('', `"schedule" must be "fifo" or "random:SEED", got ${quote(schedule)}`);
  }
  if (!has(o, 'scenario')) bad('', 'missing required key "scenario" (a crviz-scenario/1 object)');
  const parsed = scenarioFromJson(o.scenario, source);
  if (!parsed.ok) bad('scenario', parsed.message);
  if (!has(o, 'captions')) bad('', 'missing required key "captions"');
  const list = o.captions;
  if (!Array.isArray(list) || list.length === 0) {
    bad('', `"captions" must be a non-empty array, got ${describeValue(list)}`);
  }
  if (list.length > MAX_CAPTIONS) {
    bad('', `"captions" has ${list.length} entries; at most ${MAX_CAPTIONS} are allowed`);
  }
  const captions = list.map((c, i) => caption(c, `captions[${i}]`, parsed.scenario));
  return {
    id,
    title,
    ...(summary !== undefined ? { summary } : {}),
    ...(variant !== undefined ? { variant } : {}),
    ...(schedule !== undefined ? { schedule } : {}),
    scenario: parsed.scenario,
    captions,
  };
}

function caption(raw: unknown, place: string, scenario: Scenario): Caption {
  const o = asObject(raw, place);
  checkKeys(o, CAPTION_KEYS, place);
  if (!has(o, 'at')) bad(place, 'missing required key "at" (use {} for the tree as loaded)');
  const at = anchor(o.at, `${place}.at`, scenario);
  const body = text(o, 'text', place, MAX_CAPTION_CHARS);
  const ask = opt(o, 'ask', (o, k) => oneOf(o, k, place, CAPTION_QUESTIONS));
  return { at, text: body, ...(ask !== undefined ? { ask } : {}) };
}

function anchor(raw: unknown, place: string, scenario: Scenario): CaptionAnchor {
  const o = asObject(raw, place);
  checkKeys(o, ANCHOR_KEYS, place);
  const at: CaptionAnchor = {};
  if (has(o, 'step')) {
    if (scenario.steps.length === 0) bad(place, '"step" given, but the scenario has no steps');
    at.step = int(o, 'step', place, 0, scenario.steps.length - 1);
  }
  if (has(o, 'fn')) {
    if (at.step === undefined) bad(place, '"fn" needs the "step" it happens in');
    const fn = str(o, 'fn', place);
    if (!isKernelFn(fn))
      bad(place, `"fn" ${quote(fn)} is not a function crviz's events are named after`);
    at.fn = fn;
  }
  if (has(o, 'actor')) {
    if (at.fn === undefined) bad(place, '"actor" needs an "fn"');
    const actor = str(o, 'actor', place);
    if (!isPartId(actor)) bad(place, `"actor" must be "coord" or "pid:N", got ${quote(actor)}`);
    at.actor = actor;
  }
  if (has(o, 'nth')) {
    if (at.fn === undefined) bad(place, '"nth" needs an "fn"');
    at.nth = int(o, 'nth', place, 1, MAX_NTH);
  }
  return at;
}

/** The lesson as a crviz-lesson/1 file (what Save lesson downloads; parseLesson reads it back). */
export function serializeLesson(lesson: Lesson, schema?: string): string {
  const doc = {
    ...(schema ? { $schema: schema } : {}),
    format: LESSON_FORMAT,
    id: lesson.id,
    title: lesson.title,
    ...(lesson.summary !== undefined ? { summary: lesson.summary } : {}),
    ...(lesson.variant !== undefined ? { variant: lesson.variant } : {}),
    ...(lesson.schedule !== undefined ? { schedule: lesson.schedule } : {}),
    scenario: lesson.scenario,
    captions: lesson.captions,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
