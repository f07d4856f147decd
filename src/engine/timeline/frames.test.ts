import { describe, expect, it } from 'vitest';
import type { Frame } from './changes';
import { allFrames, frameList, NO_FRAMES } from './frames';

const frame = (seq: number): Frame => ({
  event: { seq, actor: 'user', fn: 'do_fork', what: `fork ${seq}` },
  step: 0,
  change: null,
  active: null,
});

describe('FrameArray', () => {
  it('has nothing outside 0 … length − 1 (an array’s at(−1) would be the last frame)', () => {
    const frames = frameList([frame(0), frame(1)]);
    expect(frames.length).toBe(2);
    expect(frames.get(1)?.event.seq).toBe(1);
    expect(frames.get(-1)).toBeUndefined();
    expect(frames.get(2)).toBeUndefined();
    expect(NO_FRAMES.get(0)).toBeUndefined();
  });

  it('hands out every frame as a copy of the list, never the list itself', () => {
    const items = [frame(0)];
    const all = allFrames(frameList(items));
    expect(all).toEqual(items);
    expect(all).not.toBe(items);
  });
});
