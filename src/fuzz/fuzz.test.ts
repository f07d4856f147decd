import { describe, expect, it } from 'vitest';
import { runFuzz } from './harness';
import { FUZZ_TARGETS } from './targets';

/** A few thousand cases per reader in npm test; `npm run fuzz` runs a million each. */
const RUNS = 2000;

describe('fuzzing every reader of outside input', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s', async (_name, target) => {
    const r = await runFuzz(target, RUNS);
    expect(r.failures).toEqual([]);
    expect(r.cases).toBe(RUNS);
    // Mutated samples must reach past the reader's first check sometimes, and be refused often.
    expect(r.rejected).toBeGreaterThan(RUNS / 10);
  });
});
