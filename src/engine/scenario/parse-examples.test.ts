import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

// The shared examples live next to the repository (/work/shared), not inside it.
const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/examples');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];

describe('shared examples', () => {
  if (files.length === 0) {
    it.skip(`no examples found at ${dir}; skipped`, () => {});
    return;
  }
  it.each(files)('%s parses', (f) => {
    const r = parseScenario(readFileSync(resolve(dir, f), 'utf8'), f);
    expect(r.ok ? 'ok' : r.message).toBe('ok');
    if (r.ok) expect(r.scenario.name).toBe(f.replace(/\.json$/, ''));
  });
});
