import { describe, expect, it } from 'vitest';
import { layoutTree } from './layout';
import type { TaskNode } from './model';
import { renderModeFor } from './renderMode';
import { itemFacts } from './treeFacts';

describe('renderModeFor', () => {
  it('switches to canvas above one threshold and back to SVG below a lower one', () => {
    expect(renderModeFor('svg', 600, 600, 450)).toBe('svg');
    expect(renderModeFor('svg', 601, 600, 450)).toBe('canvas');
    // Between the two a canvas tree stays a canvas tree: no switching at every step.
    expect(renderModeFor('canvas', 500, 600, 450)).toBe('canvas');
    expect(renderModeFor('canvas', 449, 600, 450)).toBe('svg');
  });
});

describe('itemFacts', () => {
  const n = (pid: number, parent: number | null, isThread = false) =>
    ({ pid, parent, isThread }) as TaskNode;

  it('gives each item its level, place and number of siblings, the coordinator first on top', () => {
    const nodes = [n(1, null), n(2, 1), n(3, 1), n(4, 3), n(5, 1, true), n(9, null)];
    const layout = layoutTree({ nodes, coordinator: null });
    const withCoord = { ...layout, coordinator: { x: 0, y: 0 } };
    const f = (pid: number) => itemFacts(withCoord, pid);
    expect(f(0)).toEqual({ level: 1, posinset: 1, setsize: 3 });
    expect(f(1)).toEqual({ level: 1, posinset: 2, setsize: 3 });
    expect(f(9)).toEqual({ level: 1, posinset: 3, setsize: 3 });
    // Threads count among their leader's children, first (they follow it in keyboard order).
    expect(f(5)).toEqual({ level: 2, posinset: 1, setsize: 3 });
    expect(f(2)).toEqual({ level: 2, posinset: 2, setsize: 3 });
    expect(f(3)).toEqual({ level: 2, posinset: 3, setsize: 3 });
    expect(f(4)).toEqual({ level: 3, posinset: 1, setsize: 1 });
    expect(itemFacts(layout, 1)).toEqual({ level: 1, posinset: 1, setsize: 2 });
    expect(itemFacts(layout, 0)).toBeUndefined();
    expect(itemFacts(layout, 77)).toBeUndefined();
  });
});
