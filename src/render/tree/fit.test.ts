import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsThatFit, fitKeepingLast, fitText } from './fit';

const len = (s: string) => [...s].length;

describe('fitting texts', () => {
  it('cuts with an ellipsis and never returns more than it may', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        for (const out of [fitText(text, max), fitKeepingLast(text, max)]) {
          expect(len(out)).toBeLessThanOrEqual(Math.max(max, 1));
          if (len(text) <= max) expect(out).toBe(text);
          else expect(out).toContain('…');
        }
      }),
    );
  });

  it('keeps the state after the last separator', () => {
    expect(fitKeepingLast('restore_task_struct · runnable', 22)).toBe('restore_ta… · runnable');
    expect(fitKeepingLast('zombie · killed SIGSEGV (core dumped)', 19)).toBe('zombie · killed SI…');
    expect(fitKeepingLast('zombie · killed SIGSEGV (core dumped) · frozen', 22)).toBe(
      'zombie · kil… · frozen',
    );
  });

  it('a card line of 148 px in 12 px monospace holds 19 characters', () => {
    expect(charsThatFit(148, 12)).toBe(19);
  });
});
