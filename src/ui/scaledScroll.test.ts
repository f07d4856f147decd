import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollScale } from './scaledScroll';

const sizes = fc.record({
  content: fc.integer({ min: 0, max: 40_000_000 }),
  viewport: fc.integer({ min: 1, max: 2_000 }),
});

describe('scrollScale', () => {
  it('is px for px below the cap', () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: 0, max: 1, noNaN: true }), ({ content, viewport }, f) => {
        fc.pre(content <= MAX_SCROLL_PX);
        const s = scrollScale(content, viewport);
        const scroll = f * Math.max(0, content - viewport);
        expect(s.height).toBe(content);
        expect(s.factor).toBe(1);
        expect(s.toContent(scroll)).toBe(scroll);
        expect(s.toScroll(scroll)).toBe(scroll);
      }),
    );
  });

  it('keeps the scroll area under the cap and reaches the first and the last rows', () => {
    fc.assert(
      fc.property(sizes, ({ content, viewport }) => {
        const s = scrollScale(content, viewport);
        const range = Math.max(0, s.height - viewport);
        expect(s.height).toBeLessThanOrEqual(MAX_SCROLL_PX);
        expect(s.toContent(0)).toBe(0);
        expect(s.toContent(range)).toBeCloseTo(Math.max(0, content - viewport), 3);
        expect(s.toScroll(Math.max(0, content - viewport))).toBeCloseTo(range, 3);
      }),
    );
  });

  it('maps a top to a scrollTop and back, in order', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ content, viewport }, a, b) => {
          const s = scrollScale(content, viewport);
          const limit = Math.max(0, content - viewport);
          const [lo, hi] = [Math.min(a, b) * limit, Math.max(a, b) * limit];
          expect(s.toContent(s.toScroll(lo))).toBeCloseTo(lo, 3);
          expect(s.toScroll(lo)).toBeLessThanOrEqual(s.toScroll(hi));
        },
      ),
    );
  });

  it('scales a 100,000-task restart’s 1.4 million rows into a scroll area Firefox can show', () => {
    const s = scrollScale(1_400_026 * 19, 400);
    expect(s.height).toBe(MAX_SCROLL_PX);
    expect(s.factor).toBeGreaterThan(3);
    expect(s.toContent(MAX_SCROLL_PX - 400)).toBeCloseTo(1_400_026 * 19 - 400, 3);
  });
});
