import { describe, expect, it } from 'vitest';
import { deltaTransform, type Transform } from './panZoom';

const apply = (t: Transform, x: number, y: number) => [t.k * x + t.x, t.k * y + t.y];

describe('deltaTransform', () => {
  it('maps where the base put a point to where the target puts it', () => {
    const base = { x: 120, y: -40, k: 0.3 };
    const target = { x: -15, y: 60, k: 1.7 };
    const d = deltaTransform(base, target);
    for (const [x, y] of [
      [0, 0],
      [100, 250],
      [-3000, 77],
    ]) {
      const [bx, by] = apply(base, x, y);
      const [dx, dy] = apply(d, bx, by);
      const [tx, ty] = apply(target, x, y);
      expect(dx).toBeCloseTo(tx, 6);
      expect(dy).toBeCloseTo(ty, 6);
    }
  });

  it('is the identity when nothing moved', () => {
    const t = { x: 5, y: 6, k: 0.5 };
    expect(deltaTransform(t, t)).toEqual({ x: 0, y: 0, k: 1 });
  });
});
