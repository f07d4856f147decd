import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineLog } from '../events';
import { initialWorld } from '../scenario/runner';
import { scenario, snapshotOf } from '../scenario/testing';
import { runSession } from '../session';
import type { WorldSnapshot } from '../snapshot';
import { compactFrames, WorldReplay } from './timeline';
import { frameList } from './frames';
import { parsePartId } from '../part-id';
import { sessions, sessionScenario } from './test-sessions';

const every = fc.integer({ min: 1, max: 9 });

describe('WorldReplay', () => {
  it('rebuilds, forwards, backwards and by jumps, exactly the world recorded at every frame', () => {
    fc.assert(
      fc.property(sessions, fc.array(fc.nat(), { maxLength: 20 }), every, (s, jumps, k) => {
        const sc = sessionScenario(s);
        const truth: WorldSnapshot[] = [];
        const rec = runSession(
          sc,
          undefined,
          undefined,
          (i, world, restart) => {
            truth[i] = snapshotOf(world, restart);
          },
          k,
        );
        const fresh = initialWorld(sc, new EngineLog());
        if ('unsupported' in fresh) throw new Error(fresh.unsupported);
        expect(rec.initial).toEqual(snapshotOf(fresh, null));
        expect(truth).toHaveLength(rec.frames.length);
        // Checkpoints every k frames: jumps below go through them.
        expect(rec.frames.columns.checkpoints).toHaveLength(Math.floor(truth.length / k));

        const tl = new WorldReplay(rec.initial, rec.frames);
        expect(tl.at(-1)).toBe(rec.initial);
        for (let i = 0; i < truth.length; i++) expect(tl.at(i), `frame ${i}`).toEqual(truth[i]);
        const back = new WorldReplay(rec.initial, rec.frames);
        for (let i = truth.length - 1; i >= 0; i--)
          expect(back.at(i), `back ${i}`).toEqual(truth[i]);
        for (const j of jumps) {
          const i = truth.length ? j % truth.length : -1;
          expect(back.at(i), `jump ${i}`).toEqual(i < 0 ? rec.initial : truth[i]);
        }
        for (let i = 0; i < truth.length; i++) {
          const r = truth[i].restart;
          const a = r?.ctx ? r.pids[r.ctx.active_pid] : undefined;
          expect(rec.frames.get(i)!.active, `active at ${i}`).toBe(a ?? null);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the view of every task a frame did not change, and never changes a snapshot it gave', () => {
    fc.assert(
      fc.property(sessions, fc.array(fc.nat(), { maxLength: 12 }), every, (s, jumps, k) => {
        const rec = runSession(sessionScenario(s), undefined, undefined, undefined, k);
        const tl = new WorldReplay(rec.initial, rec.frames);
        const given: [WorldSnapshot, string][] = [];
        const n = rec.frames.length;
        for (const j of jumps) {
          const i = j % (n + 1);
          const now = tl.at(i);
          const before = tl.at(i - 1);
          given.push([now, JSON.stringify(now)], [before, JSON.stringify(before)]);
          if (i >= n) continue;
          const named = new Set(rec.frames.get(i)!.change?.tasks?.map((t) => `${t.c}:${t.pid}`));
          for (const c of now.containers) {
            const old = before.containers.find((b) => b.id === c.id);
            for (const t of c.tasks) {
              if (named.has(`${c.id}:${t.pid}`)) continue;
              expect(old?.tasks.find((b) => b.pid === t.pid)).toBe(t);
            }
          }
        }
        for (const [snap, json] of given) expect(JSON.stringify(snap)).toBe(json);
      }),
      { numRuns: 100 },
    );
  });
});

/** A session's recording (checkpoints every k frames) and the engine's own world at each frame. */
function recorded(s: Parameters<typeof sessionScenario>[0], k: number) {
  const truth: WorldSnapshot[] = [];
  const rec = runSession(
    sessionScenario(s),
    undefined,
    undefined,
    (i, world, restart) => {
      truth[i] = snapshotOf(world, restart);
    },
    k,
  );
  const worldAt = (i: number) => (i < 0 ? rec.initial : truth[i]);
  return { rec, truth, worldAt };
}

/** A seek: its target, rows per piece, after how many pieces it is dropped, where at() peeks. */
const seeks = fc.array(
  fc.record({
    to: fc.nat(),
    budget: fc.integer({ min: 1, max: 40 }),
    dropAfter: fc.option(fc.nat(6), { nil: null }),
    peekAfter: fc.option(fc.nat(6), { nil: null }),
    peek: fc.nat(),
    check: fc.nat(),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('WorldReplay.seek', () => {
  it('leaves at(j) right for every j, whether a seek ran to its end or was dropped after any piece', () => {
    fc.assert(
      fc.property(
        sessions,
        every,
        seeks,
        fc.array(fc.nat(), { maxLength: 6 }),
        (s, k, list, js) => {
          const { rec, truth, worldAt } = recorded(s, k);
          const n = truth.length;
          const frame = (x: number) => (x % (n + 1)) - 1; // -1..n-1
          const tl = new WorldReplay(rec.initial, rec.frames);
          for (const sk of list) {
            const to = frame(sk.to);
            const seeking = tl.seek(to, sk.budget);
            let pieces = 0;
            let ended = false;
            for (;;) {
              if (seeking.next().done) {
                ended = true;
                break;
              }
              pieces++;
              // Anything may read the replay between two pieces; the seek goes on from there.
              if (pieces === sk.peekAfter) {
                const p = frame(sk.peek);
                expect(tl.at(p), `peek ${p} during seek to ${to}`).toEqual(worldAt(p));
              }
              if (pieces === sk.dropAfter) break;
            }
            // Once a seek has ended, the frame it sought is reached: at() only builds.
            if (ended) expect(tl.cost(to), `cost after seek to ${to}`).toBe(0);
            const j = frame(sk.check);
            expect(tl.at(j), `at ${j} after seek to ${to}`).toEqual(worldAt(j));
            expect(tl.at(to), `at ${to} after its seek`).toEqual(worldAt(to));
          }
          for (const x of js) expect(tl.at(frame(x))).toEqual(worldAt(frame(x)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes at least the pieces its rows need of the budget, and at most three for a move over no rows', () => {
    fc.assert(
      fc.property(
        sessions,
        every,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        (s, k, a, b, budget) => {
          const { rec, truth } = recorded(s, k);
          const n = truth.length;
          if (n === 0) return;
          const tl = new WorldReplay(rec.initial, rec.frames);
          tl.at(a % n);
          const to = b % n;
          const cost = tl.cost(to);
          const seeking = tl.seek(to, budget);
          let pieces = 0;
          while (!seeking.next().done) pieces++;
          // Never fewer pieces than the rows need; a move over no rows at most three: the
          // restore of a checkpoint of no rows (a destroyed container's), the walk over frames
          // of no rows, the task lists of containers it brings into the world.
          expect(pieces).toBeGreaterThanOrEqual(Math.ceil(cost / budget));
          if (cost === 0) expect(pieces).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the compact recording', () => {
  it('gives back every frame as it was written: events, changes and active pids', () => {
    fc.assert(
      fc.property(sessions, every, (s, k) => {
        const rec = runSession(sessionScenario(s), undefined, undefined, undefined, k);
        const frames = Array.from({ length: rec.frames.length }, (_, i) => rec.frames.get(i)!);
        const again = compactFrames(rec.initial, frames, k);
        const objects = frameList(frames);
        expect(again.length).toBe(frames.length);
        for (let i = 0; i < frames.length; i++) {
          expect(again.get(i), `frame ${i}`).toEqual(frames[i]);
          expect(again.fnAt(i)).toBe(frames[i].event.fn);
          expect(again.pidAt(i)).toBe(frames[i].event.pid);
          expect(again.errnoAt(i)).toBe(frames[i].event.errno);
          expect(again.stepAt(i)).toBe(frames[i].step);
          expect(again.activeAt(i)).toBe(frames[i].active);
          expect(again.actorAt(i)).toBe(frames[i].event.actor);
          expect(again.whatAt(i)).toBe(frames[i].event.what);
          expect(again.dataAt(i)).toEqual(frames[i].event.data);
          expect(objects.dataAt(i)).toBe(frames[i].event.data);
          expect(again.eventAt(i)).toEqual(frames[i].event);
          expect(objects.eventAt(i)).toBe(frames[i].event);
          // The next failed event from here, as a scan of the frames finds it.
          const next = frames.findIndex((f, j) => j >= i && !!f.event.errno);
          expect(again.nextErrorAt(i)).toBe(next);
          expect(objects.nextErrorAt(i)).toBe(next);
          // The object form reads its columns the same way.
          for (const list of [again, objects]) {
            const a = parsePartId(frames[i].event.actor);
            expect(list.actorPidAt(i)).toBe(typeof a === 'number' ? a : undefined);
          }
        }
        expect(again.get(-1)).toBeUndefined();
        expect(again.eventAt(-1)).toBeUndefined();
        expect(again.eventAt(frames.length)).toBeUndefined();
        expect(again.nextErrorAt(frames.length)).toBe(-1);
        expect(again.get(frames.length)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe('RecordedFrames', () => {
  it('gives the same object for a frame read twice, as a store selector needs', () => {
    const rec = runSession(
      scenario({ tree: [{ pid: 1, ppid: 0, comm: 'init' }], steps: [{ op: 'fork', pid: 1 }] }),
    );
    expect(rec.frames.length).toBeGreaterThan(0);
    const first = rec.frames.get(0);
    expect(rec.frames.get(0)).toBe(first);
    expect(rec.frames.get(0)!.event).toBe(first!.event);
  });
});
