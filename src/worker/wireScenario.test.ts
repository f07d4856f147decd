import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchScenario } from '../../bench/trees';
import { parseScenario } from '../engine/scenario/parse';
import type { Scenario } from '../engine/scenario/types';
import { fromWire, toWire } from './wireScenario';

function parsed(s: Scenario): Scenario {
  const r = parseScenario(JSON.stringify(s), 's.json');
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

describe('scenarios on the wire', () => {
  it('sends a large parsed tree as columns and gets the same JSON back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 256, max: 3000 }), (n) => {
        const s = parsed(benchScenario(n));
        const wire = structuredClone(toWire(s));
        expect(wire.tree).not.toBeNull();
        expect(wire.scenario.tree).toEqual([]);
        expect(JSON.stringify(fromWire(wire))).toBe(JSON.stringify(s));
      }),
      { numRuns: 10 },
    );
  });

  it('leaves small trees, and trees a parser has not seen, as they are', () => {
    const small = parsed(benchScenario(10));
    expect(toWire(small)).toEqual({ scenario: small, tree: null });
    const big = parsed(benchScenario(400));
    const extraKey = { ...big, tree: big.tree.map((e, i) => (i === 7 ? { ...e, bogus: 1 } : e)) };
    expect(toWire(extraKey).tree).toBeNull();
    const missing = { ...big, tree: big.tree.map((e, i) => (i === 9 ? { ...e, sid: 1.5 } : e)) };
    expect(toWire(missing).tree).toBeNull();
  });
});
