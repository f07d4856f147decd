/**
 * Turns an imported tree into crviz-scenario/1 text and proves it loads: the importers' output
 * must go through the same parseScenario as a hand-written file, so a bug here shows up as a
 * message instead of as a scenario that the app or `crviz run` later refuses.
 */
import { parseScenario } from '../scenario/parse';
import type { TreeEntry } from '../scenario/types';
import type { ImportResult, OutEntry } from './types';

export interface ScenarioParts {
  name: string;
  title: string;
  /** Lines of the description: what was read and every caveat found on the way. */
  notes: string[];
  summary: string;
  tree: OutEntry[];
  /** Notes that need the tree as the parser resolves it (defaults filled in), added last. */
  moreNotes?: (tree: TreeEntry[]) => string[];
}

export function emitScenario(parts: ScenarioParts, source: string): ImportResult {
  const write = (notes: string[]) =>
    toJson(parts.name, parts.title, [parts.summary, ...notes].join('\n'), parts.tree);
  let text = write(parts.notes);
  const parsed = parseScenario(text, source);
  if (!parsed.ok) return { ok: false, message: `generated scenario is invalid: ${parsed.message}` };
  const more = parts.moreNotes?.(parsed.scenario.tree) ?? [];
  const notes = [...parts.notes, ...more];
  if (more.length > 0) text = write(notes);
  return { ok: true, json: text, tasks: parts.tree.length, notes };
}

/** Pretty JSON with one tree entry per line, so that a tree of hundreds of tasks stays readable. */
function toJson(name: string, title: string, description: string, tree: OutEntry[]): string {
  const head = [
    `  "format": "crviz-scenario/1"`,
    `  "name": ${JSON.stringify(name)}`,
    `  "title": ${JSON.stringify(title)}`,
    `  "description": ${JSON.stringify(description)}`,
    `  "variant": "v18-28"`,
  ];
  const entries = tree.map((e) => `    ${entryJson(e)}`);
  const treeText = entries.length ? `[\n${entries.join(',\n')}\n  ]` : '[]';
  return `{\n${head.join(',\n')},\n  "tree": ${treeText},\n  "steps": []\n}\n`;
}

/** `{"pid": 3, "ppid": 1}`: spaces after separators, built key by key so values stay intact. */
function entryJson(e: OutEntry): string {
  const parts = Object.entries(e)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{${parts.join(', ')}}`;
}

/** `1 task`, `3 tasks`: the description is read by people. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}
