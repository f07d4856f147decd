import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Marker, MarkerKind } from './markers';
import { groupKinds, groupMarkers } from './markerGroups';

const KINDS: MarkerKind[] = ['checkpoint', 'kill', 'restart', 'destroy', 'error', 'breakpoint'];
const marker = (frame: number, kind: MarkerKind): Marker => ({
  frame,
  kind,
  label: `${kind} ${frame}`,
});

describe('groupMarkers', () => {
  it('piles of errors at one place become one group with a count', () => {
    const ms = [
      marker(26, 'restart'),
      marker(27, 'error'),
      marker(28, 'error'),
      marker(29, 'error'),
      marker(90, 'kill'),
    ];
    const g = groupMarkers(ms, 100, 300, 12);
    expect(g.map((x) => x.markers.length)).toEqual([4, 1]);
    expect(groupKinds(g[0])).toEqual(['error', 'restart']);
    expect(g[0].frame).toBe(26);
  });

  it('a marker exactly the gap away starts a new group (frames 128 and 168 on 60 px)', () => {
    const g = groupMarkers([marker(168, 'checkpoint'), marker(128, 'checkpoint')], 200, 60, 12);
    expect(g.map((x) => x.frame)).toEqual([128, 168]);
  });

  it('keeps every marker once, in frame order, groups never closer than the gap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(199), fc.constantFrom(...KINDS)), { maxLength: 40 }),
        fc.integer({ min: 50, max: 2000 }),
        (raw, width) => {
          const ms = raw.map(([f, k]) => marker(f, k));
          const groups = groupMarkers(ms, 200, width, 12);
          const flat = groups.flatMap((g) => g.markers);
          expect(flat).toHaveLength(ms.length);
          expect(flat.map((m) => m.frame)).toEqual(
            [...ms.map((m) => m.frame)].sort((a, b) => a - b),
          );
          for (let i = 1; i < groups.length; i++) {
            expect(((groups[i].frame - groups[i - 1].frame) / 200) * width).toBeGreaterThanOrEqual(
              12,
            );
          }
          for (const g of groups) {
            const span = ((g.markers.at(-1)!.frame - g.markers[0].frame) / 200) * width;
            expect(span).toBeLessThan(12);
          }
        },
      ),
    );
  });
});
