/**
 * For tests only (Node): the project's example scenarios as files. The examples live in
 * `examples/` at the root of the repository (lesson scenarios under `examples/lessons/`), so a
 * fresh clone has everything its tests read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** Every example file, relative to `examples/`, sorted: `three-zombies.json`, `lessons/…`. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

export function readExample(file: string): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}
