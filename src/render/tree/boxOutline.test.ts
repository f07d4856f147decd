import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outlineInView, type OutlinePiece } from './boxOutline';

const length = (p: OutlinePiece) =>
  p.kind === 'arc' ? (Math.PI / 2) * p.r : Math.abs(p.x1 - p.x0) + Math.abs(p.y1 - p.y0);

describe('outlineInView', () => {
  const box = { x: 0, y: 0, width: 100_000, height: 300, r: 10 };

  it('gives the whole outline, in order along it, when the box is in view', () => {
    const pieces = outlineInView(box, { x0: -50, y0: -50, x1: 200_000, y1: 400 });
    expect(pieces.map((p) => p.kind)).toEqual([
      'line',
      'arc',
      'line',
      'arc',
      'line',
      'arc',
      'line',
      'arc',
    ]);
    let along = 0;
    for (const p of pieces) {
      expect(p.along).toBeCloseTo(along, 6);
      along += length(p);
    }
    expect(along).toBeCloseTo(2 * (100_000 - 20) + 2 * (300 - 20) + 2 * Math.PI * 10, 6);
  });

  it('keeps only the parts of a wide box in view, at their distance along the outline', () => {
    const pieces = outlineInView(box, { x0: 50_000, y0: -50, x1: 51_000, y1: 400 });
    expect(pieces).toEqual([
      { kind: 'line', x0: 50_000, y0: 0, x1: 51_000, y1: 0, along: 50_000 - 10 },
      {
        kind: 'line',
        x0: 51_000,
        y0: 300,
        x1: 50_000,
        y1: 300,
        along: 100_000 - 20 + 300 - 20 + Math.PI * 10 + (100_000 - 10 - 51_000),
      },
    ]);
  });

  it('gives nothing for a view inside the box away from its outline', () => {
    expect(outlineInView(box, { x0: 1000, y0: 50, x1: 2000, y1: 250 })).toEqual([]);
  });

  it('never gives a piece outside the view, nor longer than the view allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 800 }),
        (vx, vy, vw, vh) => {
          const b = { x: 0, y: 0, width: 500, height: 200, r: 10 };
          const view = { x0: vx, y0: vy, x1: vx + vw, y1: vy + vh };
          for (const p of outlineInView(b, view)) {
            if (p.kind === 'line') {
              for (const [x, y] of [
                [p.x0, p.y0],
                [p.x1, p.y1],
              ]) {
                expect(x).toBeGreaterThanOrEqual(view.x0);
                expect(x).toBeLessThanOrEqual(view.x1);
                expect(y).toBeGreaterThanOrEqual(view.y0);
                expect(y).toBeLessThanOrEqual(view.y1);
              }
            } else {
              expect(p.cx + p.r).toBeGreaterThanOrEqual(view.x0);
              expect(p.cx - p.r).toBeLessThanOrEqual(view.x1);
            }
          }
        },
      ),
    );
  });
});
