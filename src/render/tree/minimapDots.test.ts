import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Placed } from './layout';
import { NODE_H, NODE_W } from './layoutMetrics';
import { dotPixels } from './minimapDots';

const card = (x: number, y: number) => ({ x, y, node: { pid: 1 } }) as Placed;

describe('dotPixels', () => {
  it('covers each card’s box (at least its pixel) and nothing far from every card', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.double({ min: 0.5, max: 400, noNaN: true }),
        (spots, scale) => {
          const placed = spots.map(([i, d]) => card(i * 196, d * 112));
          const origin = { x: -NODE_W / 2, y: -NODE_H / 2 };
          const width = Math.ceil((40 * 196 + NODE_W) / scale) + 8;
          const height = Math.ceil((4 * 112 + NODE_H) / scale) + 8;
          const px = dotPixels(placed, { scale, origin, pad: 4, width, height });
          const set = (x: number, y: number) => px[(y * width + x) * 4 + 3] === 255;
          const pixel = (p: Placed) => ({
            x: Math.floor(4 + (p.x - origin.x) / scale),
            y: Math.floor(4 + (p.y - origin.y) / scale),
          });
          for (const p of placed) {
            const c = pixel(p);
            expect(set(Math.min(width - 1, c.x), Math.min(height - 1, c.y))).toBe(true);
          }
          // A set pixel lies within a card's box, widened by the one-pixel minimum.
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              if (!set(x, y)) continue;
              const near = placed.some((p) => {
                const left = 4 + (p.x - NODE_W / 2 - origin.x) / scale;
                const top = 4 + (p.y - NODE_H / 2 - origin.y) / scale;
                const w = Math.max(1, NODE_W / scale);
                const h = Math.max(1, NODE_H / scale);
                return (
                  x >= Math.floor(left) &&
                  x < left + w + 1 &&
                  y >= Math.floor(top) &&
                  y < top + h + 1
                );
              });
              expect(near, `pixel ${x},${y}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
