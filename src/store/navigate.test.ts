import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KernelFn } from '../engine/kernel-fns';
import type { Frame } from '../engine/timeline/changes';
import { hitsAny } from './breakpoints';
import { nextFnEvent, nextTaskEvent, previousHit } from './navigate';
import { frameList } from '../engine/timeline/frames';

const FNS = ['do_fork', 'do_exit', 'exit_notify'] as const;

const frame = (pid: number, fn: string, errno?: string): Frame => ({
  event: { seq: 0, actor: `pid:${pid}`, fn: fn as KernelFn, what: '', ...(errno ? { errno } : {}) },
  step: 0,
  change: null,
  active: null,
});

const arbFrames = fc.array(
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(...FNS), fc.boolean())
    .map(([p, f, e]) => frame(p, f, e ? 'EBUSY' : undefined)),
  { maxLength: 40 },
);

describe('navigate', () => {
  it('next and previous event of a task skip other tasks', () => {
    const frames = frameList([
      frame(1, 'do_fork'),
      frame(2, 'do_fork'),
      frame(1, 'do_exit'),
      frame(2, 'do_exit'),
    ]);
    expect(nextTaskEvent(frames, -1, 1, 2)).toBe(1);
    expect(nextTaskEvent(frames, 1, 1, 2)).toBe(3);
    expect(nextTaskEvent(frames, 3, 1, 2)).toBe(-1);
    expect(nextTaskEvent(frames, 3, -1, 1)).toBe(2);
    expect(nextFnEvent(frames, 0, 1, 'do_fork')).toBe(1);
  });

  it('the answer is the nearest match strictly in that direction', () => {
    fc.assert(
      fc.property(
        arbFrames,
        fc.integer({ min: -1, max: 40 }),
        fc.constantFrom(...FNS),
        (frames, at, fn) => {
          const from = Math.min(at, frames.length - 1);
          for (const dir of [1, -1] as const) {
            const i = nextFnEvent(frameList(frames), from, dir, fn);
            const between = (j: number) =>
              dir === 1 ? j > from && j < (i < 0 ? frames.length : i) : j < from && j > i;
            frames.forEach((f, j) => {
              if (between(j)) expect(f.event.fn).not.toBe(fn);
            });
            if (i >= 0) {
              expect(frames[i].event.fn).toBe(fn);
              expect(dir === 1 ? i > from : i < from).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('reverse continue stops at the last breakpoint hit before the cursor', () => {
    fc.assert(
      fc.property(arbFrames, fc.nat(40), (frames, at) => {
        const from = Math.min(at, frames.length);
        const bps = [{ kind: 'error' as const }];
        const hit = previousHit(frameList(frames), from, bps);
        const hits = frames
          .map((_f, i) => i)
          .filter((i) => i < from && hitsAny(bps, frameList(frames), i));
        expect(hit).toBe(hits.at(-1) ?? -1);
      }),
    );
    expect(previousHit(frameList([frame(1, 'do_fork', 'EBUSY')]), 1, [])).toBe(-1);
  });
});
