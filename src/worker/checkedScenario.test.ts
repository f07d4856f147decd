import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { benchScenario } from '../../bench/trees';
import { parseScenario } from '../engine/scenario/parse';
import { rememberingParse } from './checkedScenario';
import { fromWire, toWire } from './wireScenario';

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, readFileSync(`examples/${f}`, 'utf8')] as const);

describe('rememberingParse', () => {
  it('checks a scenario sent back to run once, not twice', () => {
    const parse = vi.fn(parseScenario);
    const check = rememberingParse(parse);
    const first = check(JSON.stringify(benchScenario(300)), 'big.json');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // The page gets the scenario over the wire and sends it back with a load.
    const back = JSON.stringify(fromWire(structuredClone(toWire(first.scenario))));
    expect(check(back, 'big')).toEqual(first);
    expect(parse).toHaveBeenCalledTimes(1);
    // Anything else is parsed.
    expect(check(back.replace('"bench-300"', '"other"'), 'big').ok).toBe(true);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('remembers no refusal, and forgets a passed scenario once another text is refused', () => {
    const parse = vi.fn(parseScenario);
    const check = rememberingParse(parse);
    const ok = check(examples[0][1], examples[0][0]);
    expect(ok.ok).toBe(true);
    expect(check('{"format":"crviz-scenario/1"}', 'bad.json').ok).toBe(false);
    expect(check('{"format":"crviz-scenario/1"}', 'bad.json').ok).toBe(false);
    if (ok.ok) check(JSON.stringify(ok.scenario), 'again');
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it.each(examples)('%s: the parser is idempotent on the scenario it returns', (name, text) => {
    const once = parseScenario(text, name);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const again = parseScenario(JSON.stringify(once.scenario), name);
    expect(again).toEqual(once);
    expect(rememberingParse(parseScenario)(text, name)).toEqual(once);
  });
});
