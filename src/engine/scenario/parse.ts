/**
 * crviz-scenario/1 reader (CONTRACTS 2): JSON text in, a validated Scenario with every default
 * filled in out, or the first problem as a one-line message naming its place.
 */
import { errorText } from '../error-text';
import { describeValue } from '../quote';
import { parseJson } from './parse-json';
import { asObject, bad, checkKeys, has, oneOf, opt, SchemaError, str } from './parse-fields';
import { parseSteps } from './parse-steps';
import { DEFAULT_TREE, parseTree } from './parse-tree';
import { VARIANTS, type Scenario } from './types';

export const SCENARIO_FORMAT = 'crviz-scenario/1';
/**
 * `$schema` is the one key that is not part of the scenario: editors read it to find the JSON
 * Schema (schemas/crviz-scenario.schema.json). It must be a string and is otherwise ignored, so
 * every other unknown key is still a typo caught at load time.
 */
const TOP_KEYS = [
  '$schema',
  'format',
  'name',
  'title',
  'description',
  'variant',
  'tree',
  'steps',
] as const;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function parseScenario(text: string, source: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return json;
  return scenarioFromJson(json.value, source);
}

/** The same checks on a value already read from JSON (a lesson's inline scenario). */
export function scenarioFromJson(value: unknown, source: string): ParseResult {
  try {
    return { ok: true, scenario: validate(value, source) };
  } catch (err) {
    if (err instanceof SchemaError) return { ok: false, message: err.message };
    // A bug in the validator must still reach the user as data, not as a crash of the caller.
    return {
      ok: false,
      message: `internal error: ${errorText(err)}`,
    };
  }
}

/** The one-line message of the CLI: `<file>: <message>`. */
export function formatScenarioError(source: string, message: string): string {
  return `${source}: ${message}`;
}

/** `dir/three-zombies.json` -> `three-zombies`. */
export function baseName(source: string): string {
  const file = source.split(/[\\/]/).pop() ?? source;
  return file.replace(/\.json$/i, '') || 'scenario';
}

function validate(raw: unknown, source: string): Scenario {
  const o = asObject(raw, '', 'a JSON object');
  const place = '';
  checkKeys(o, TOP_KEYS, 'top level');
  opt(o, '$schema', (o, k) => str(o, k, place));
  if (!has(o, 'format')) bad(place, `missing required key "format" (use "${SCENARIO_FORMAT}")`);
  if (o.format !== SCENARIO_FORMAT) {
    bad(place, `"format" must be "${SCENARIO_FORMAT}", got ${describeValue(o.format)}`);
  }
  if (!has(o, 'steps')) bad(place, 'missing required key "steps"');
  const s: Scenario = {
    format: SCENARIO_FORMAT,
    name: opt(o, 'name', (o, k) => str(o, k, place)) ?? baseName(source),
    variant: opt(o, 'variant', (o, k) => oneOf(o, k, place, VARIANTS)) ?? 'v18-28',
    tree: has(o, 'tree') ? parseTree(o.tree) : DEFAULT_TREE.map((e) => ({ ...e })),
    steps: parseSteps(o.steps),
  };
  const title = opt(o, 'title', (o, k) => str(o, k, place));
  const description = opt(o, 'description', (o, k) => str(o, k, place));
  // Optional texts go in only when given, so a parsed scenario re-serialises to what was read.
  return {
    format: s.format,
    name: s.name,
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    variant: s.variant,
    tree: s.tree,
    steps: s.steps,
  };
}
