/**
 * For tests only (Node): the project's example scenarios as files. The examples live in
 * `examples/` at the root of the repository (lessons under `examples/lessons/`), so a
 * fresh clone has everything its tests read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/**
 * Every example scenario, relative to `examples/`, sorted: `three-zombies.json`, ….
 * `examples/import/` holds inputs of `crviz import`, which are not scenarios, and
 * `examples/lessons/` crviz-lesson/1 files (lessonFiles), whose scenarios are inline.
 */
export function exampleFiles(): string[] {
  return jsonFiles().filter((f) => !f.startsWith('import/') && !f.startsWith('lessons/'));
}

/** The lesson files, relative to `examples/`: `lessons/zombie-wait.json`, …. */
export function lessonFiles(): string[] {
  return jsonFiles().filter((f) => f.startsWith('lessons/'));
}

function jsonFiles(): string[] {
  return readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readExample(file: string): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}
