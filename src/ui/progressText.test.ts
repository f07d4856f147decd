import { describe, expect, it } from 'vitest';
import { progressFraction, progressText } from './progressText';

const p = { step: 3, steps: 4, op: 'restart', done: 41_000, total: 100_000, events: 9 };

describe('progressText', () => {
  it('names the step and, in a restart, the tasks restored', () => {
    expect(progressText(p)).toBe('Step 4 of 4, restart: 41,000 of 100,000 tasks restored');
    expect(progressText({ ...p, step: 1, op: 'checkpoint', done: 0, total: 0 })).toBe(
      'Step 2 of 4, checkpoint…',
    );
    expect(progressText({ ...p, step: -1, op: 'tree' })).toBe('Building the tree…');
    expect(progressText(null)).toBe('engine running…');
  });

  it('counts finished steps plus the restart’s share of the current one', () => {
    expect(progressFraction(p)).toBeCloseTo(3.41 / 4);
    expect(progressFraction({ ...p, step: 0, done: 0, total: 0 })).toBe(0);
    expect(progressFraction({ ...p, step: -1 })).toBeNull();
    expect(progressFraction(null)).toBeNull();
  });
});
