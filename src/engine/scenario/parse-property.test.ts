import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

/** Trees that satisfy CONTRACTS 2.1: each entry's parent or leader comes earlier. */
const validTree = fc
  .array(
    fc.record({
      parent: fc.nat(),
      thread: fc.boolean(),
      zombie: fc.boolean(),
      comm: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((specs) => {
    const tree: Record<string, unknown>[] = [{ pid: 1, ppid: 0, comm: 'init' }];
    const kinds: ('proc' | 'thread' | 'zombie')[] = ['proc'];
    specs.forEach((s, i) => {
      const pid = i + 2;
      const candidates = tree.filter((_, j) => kinds[j] === 'proc');
      const target = candidates[s.parent % candidates.length];
      const entry: Record<string, unknown> = { pid };
      if (s.thread) entry.tgid = target.pid;
      else entry.ppid = target.pid;
      if (!s.thread && s.zombie) Object.assign(entry, { state: 'zombie', exit_code: 256 });
      if (s.comm !== undefined) entry.comm = s.comm;
      tree.push(entry);
      kinds.push(s.thread ? 'thread' : s.zombie ? 'zombie' : 'proc');
    });
    return tree;
  });

describe('parseScenario properties', () => {
  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(JSON.stringify(v), 'x.json');
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseScenario(s, 'x.json');
        if (!r.ok) expect(r.message).not.toContain('\n');
      }),
    );
  });

  it('accepts valid trees, and its output parses to itself', () => {
    fc.assert(
      fc.property(validTree, (tree) => {
        const text = JSON.stringify({ format: 'crviz-scenario/1', tree, steps: [] });
        const first = parseScenario(text, 'x.json');
        expect(first.ok ? 'ok' : first.message).toBe('ok');
        if (!first.ok) return;
        const again = parseScenario(JSON.stringify(first.scenario), 'other.json');
        expect(again).toEqual(first);
        for (const e of first.scenario.tree) {
          expect(new TextEncoder().encode(e.comm).length).toBeLessThanOrEqual(15);
        }
      }),
    );
  });
});
