/**
 * For tests only (Node): the project's example scenarios as files. The examples live in
 * `examples/` at the root of the repository (lesson scenarios under `examples/lessons/`), so a
 * fresh clone has everything its tests read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/**
 * Every example scenario, relative to `examples/`, sorted: `three-zombies.json`, `lessons/…`.
 * `examples/import/` holds inputs of `crviz import`, which are not scenarios.
 */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.json') && !f.startsWith('import/'))
    .sort();
}

export function readExample(file: string): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}
