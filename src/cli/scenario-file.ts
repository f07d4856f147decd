/** Reading a scenario file for `run` and `explore`: every failure is one exit-2 line. */
import { errorText } from '../engine/error-text';
import { formatScenarioError, parseScenario } from '../engine/scenario/parse';
import { looksLikeLesson, parseLesson } from '../engine/lesson/parse';
import type { Scenario } from '../engine/scenario/types';
import type { InputKind } from '../engine/limits';
import { usage, type CliDeps, type CliResult } from './types';

export type Loaded = { ok: true; scenario: Scenario } | { ok: false; result: CliResult };

export function readText(
  deps: CliDeps,
  file: string,
  kind: InputKind,
): { ok: true; text: string } | { ok: false; result: CliResult } {
  const r = deps.readFile(file, kind);
  if (!r.ok) return { ok: false, result: usage(`${file}: ${r.reason}`) };
  try {
    // fatal: a scenario is UTF-8 by contract; mojibake would only surface as odd comm names.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(r.bytes) };
  } catch {
    return { ok: false, result: usage(`${file}: not valid UTF-8 text`) };
  }
}

/** A crviz-scenario/1 file, or a crviz-lesson/1 file (its inline scenario is what runs). */
export function loadScenario(deps: CliDeps, file: string): Loaded {
  const t = readText(deps, file, 'scenario');
  if (!t.ok) return t;
  if (looksLikeLesson(t.text)) {
    const lesson = parseLesson(t.text, file);
    if (!lesson.ok) return { ok: false, result: usage(formatScenarioError(file, lesson.message)) };
    return { ok: true, scenario: lesson.lesson.scenario };
  }
  const parsed = parseScenario(t.text, file);
  if (!parsed.ok) return { ok: false, result: usage(formatScenarioError(file, parsed.message)) };
  return { ok: true, scenario: parsed.scenario };
}

/** Directory of the scenario file: `load_image` paths are relative to it. */
export function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? '/' : file.slice(0, i);
}

/**
 * The runner's readFile for `load_image` paths: bytes or null, as the engine wants no reasons.
 * A missing file is the step's ENOENT; a file crviz refuses to read (a device, a FIFO, one over
 * the image limit) is remembered in `refusal`, and the command exits 2 with it.
 */
export function engineReader(deps: CliDeps): {
  read: (path: string) => Uint8Array | null;
  refusal: () => CliResult | null;
} {
  let refused: CliResult | null = null;
  return {
    read: (path) => {
      const r = deps.readFile(path, 'image');
      if (r.ok) return r.bytes;
      if (r.refused && !refused) refused = usage(`${path}: ${r.reason}`);
      return null;
    },
    refusal: () => refused,
  };
}

/** Loads an engine module; a module that is missing or broken becomes an exit-2 message. */
export async function loadEngine<T>(
  what: string,
  load: () => Promise<T>,
): Promise<{ ok: true; fn: T } | { ok: false; result: CliResult }> {
  try {
    return { ok: true, fn: await load() };
  } catch (err) {
    const why = errorText(err).split('\n')[0];
    return { ok: false, result: usage(`crviz: the ${what} is not available: ${why}`) };
  }
}
