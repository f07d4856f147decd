/** Reading a scenario file for `run` and `explore`: every failure is one exit-2 line. */
import { errorText } from '../engine/error-text';
import { formatScenarioError, parseScenario } from '../engine/scenario/parse';
import type { Scenario } from '../engine/scenario/types';
import { usage, type CliDeps, type CliResult } from './types';

export type Loaded = { ok: true; scenario: Scenario } | { ok: false; result: CliResult };

export function readText(
  deps: CliDeps,
  file: string,
): { ok: true; text: string } | { ok: false; result: CliResult } {
  const r = deps.readFile(file);
  if (!r.ok) return { ok: false, result: usage(`${file}: ${r.reason}`) };
  try {
    // fatal: a scenario is UTF-8 by contract; mojibake would only surface as odd comm names.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(r.bytes) };
  } catch {
    return { ok: false, result: usage(`${file}: not valid UTF-8 text`) };
  }
}

export function loadScenario(deps: CliDeps, file: string): Loaded {
  const t = readText(deps, file);
  if (!t.ok) return t;
  const parsed = parseScenario(t.text, file);
  if (!parsed.ok) return { ok: false, result: usage(formatScenarioError(file, parsed.message)) };
  return { ok: true, scenario: parsed.scenario };
}

/** Directory of the scenario file: `load_image` paths are relative to it. */
export function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? '/' : file.slice(0, i);
}

/** The runner's readFile: bytes or null, as the engine wants no reasons. */
export function engineReader(deps: CliDeps): (path: string) => Uint8Array | null {
  return (path) => {
    const r = deps.readFile(path);
    return r.ok ? r.bytes : null;
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
