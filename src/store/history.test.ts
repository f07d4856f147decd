import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import { afterEdit, HISTORY_DEPTH, NO_HISTORY, redoFrom, undoFrom } from './history';

const sc = (name: string): Scenario => ({
  format: 'crviz-scenario/1',
  name,
  variant: 'v18-28',
  tree: [],
  steps: [],
});

describe('edit history', () => {
  it('undoes back to each scenario in turn and redoes forward again, cursors included', () => {
    let h = afterEdit(NO_HISTORY, { scenario: sc('a'), cursor: 1, label: 'freeze' });
    h = afterEdit(h, { scenario: sc('b'), cursor: 5, label: 'checkpoint' });
    const u1 = undoFrom(h, { scenario: sc('c'), cursor: 9 })!;
    expect([u1.show.scenario.name, u1.show.cursor, u1.show.label]).toEqual(['b', 5, 'checkpoint']);
    const u2 = undoFrom(u1.history, { scenario: sc('b'), cursor: 5 })!;
    expect(u2.show.scenario.name).toBe('a');
    expect(undoFrom(u2.history, { scenario: sc('a'), cursor: 1 })).toBeNull();
    const r1 = redoFrom(u2.history, { scenario: sc('a'), cursor: 1 })!;
    expect([r1.show.scenario.name, r1.show.label]).toEqual(['b', 'freeze']);
    const r2 = redoFrom(r1.history, { scenario: sc('b'), cursor: 5 })!;
    expect([r2.show.scenario.name, r2.show.cursor]).toEqual(['c', 9]);
    expect(redoFrom(r2.history, { scenario: sc('c'), cursor: 9 })).toBeNull();
    expect(r2.history.past.map((e) => e.scenario.name)).toEqual(['a', 'b']);
  });

  it('a new edit drops what could be redone, and the oldest edits past the depth', () => {
    let h = afterEdit(NO_HISTORY, { scenario: sc('a'), cursor: 0, label: 'x' });
    h = undoFrom(h, { scenario: sc('b'), cursor: 0 })!.history;
    expect(h.future).toHaveLength(1);
    h = afterEdit(h, { scenario: sc('a'), cursor: 0, label: 'y' });
    expect(h.future).toHaveLength(0);
    for (let i = 0; i < HISTORY_DEPTH + 5; i++) {
      h = afterEdit(h, { scenario: sc(`s${i}`), cursor: 0, label: 'z' });
    }
    expect(h.past).toHaveLength(HISTORY_DEPTH);
    expect(h.past.at(-1)!.scenario.name).toBe(`s${HISTORY_DEPTH + 4}`);
  });
});
