import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events';
import type { KernelFn } from '../engine/kernel-fns';
import {
  MAX_QUERY,
  filterEvents,
  filterInChunks,
  isEmptyQuery,
  matchesQuery,
  parseEventQuery,
} from './eventQuery';
import { frameList } from '../engine/timeline/frames';

const asFrames = (events: EngineEvent[]) =>
  frameList(events.map((event) => ({ event, step: 0, change: null, active: null })));

const ev = (e: Partial<EngineEvent>): EngineEvent => ({
  seq: 0,
  actor: 'user',
  fn: 'do_fork' as KernelFn,
  what: '',
  ...e,
});

const FNS = ['do_fork', 'do_exit', 'exit_notify', 'sys_checkpoint', 'restore_task_struct'];
const arbEvent = fc.record({
  seq: fc.nat(),
  actor: fc.oneof(
    fc.constantFrom('user' as const, 'coord' as const, 'checkpoint' as const),
    fc.integer({ min: 1, max: 9 }).map((n) => `pid:${n}` as const),
  ),
  fn: fc.constantFrom(...FNS).map((f) => f as KernelFn),
  what: fc.string({ maxLength: 20 }),
  pid: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  errno: fc.option(fc.constantFrom('EBUSY', 'ESRCH', 'EINVAL'), { nil: undefined }),
});

describe('parseEventQuery', () => {
  it('reads pid:, fn:, errno: and free words', () => {
    expect(parseEventQuery('  pid:3 fn:Exit errno:ebusy frozen  ')).toEqual({
      pids: [3],
      fns: ['exit'],
      errnos: ['EBUSY'],
      words: ['frozen'],
    });
  });

  it('keeps a malformed key as a free word', () => {
    expect(parseEventQuery('pid:x pid: :3').words).toEqual(['pid:x', 'pid:', ':3']);
  });

  it('never throws, and reads at most MAX_QUERY characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const q = parseEventQuery(text);
        const length = [...q.fns, ...q.errnos, ...q.words].join('').length;
        expect(length).toBeLessThanOrEqual(MAX_QUERY);
      }),
    );
  });

  it('an empty or blank query is empty', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\s*$/), (text) => {
        expect(isEmptyQuery(parseEventQuery(text))).toBe(true);
      }),
    );
  });
});

describe('matchesQuery', () => {
  it('finds a task by its pid or as the actor', () => {
    const q = parseEventQuery('pid:3');
    expect(matchesQuery(ev({ pid: 3 }), q)).toBe(true);
    expect(matchesQuery(ev({ actor: 'pid:3' }), q)).toBe(true);
    expect(matchesQuery(ev({ actor: 'pid:33', pid: 4 }), q)).toBe(false);
  });

  it('matches errno exactly and words anywhere', () => {
    const e = ev({
      fn: 'sys_checkpoint' as KernelFn,
      what: 'task 3 is not frozen',
      errno: 'EBUSY',
    });
    expect(matchesQuery(e, parseEventQuery('errno:EBUSY'))).toBe(true);
    expect(matchesQuery(e, parseEventQuery('errno:EBUS'))).toBe(false);
    expect(matchesQuery(e, parseEventQuery('NOT FROZEN'))).toBe(true);
    expect(matchesQuery(e, parseEventQuery('ebusy checkpoint'))).toBe(true);
  });

  it('the empty query matches everything; adding a term only narrows', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 30 }),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (events, a, b) => {
          expect(filterEvents(asFrames(events), parseEventQuery(''))).toHaveLength(events.length);
          const wide = filterEvents(asFrames(events), parseEventQuery(a));
          const narrow = filterEvents(asFrames(events), parseEventQuery(`${a} ${b}`));
          expect(narrow.every((i) => wide.includes(i))).toBe(true);
        },
      ),
    );
  });

  it('a pid term keeps exactly the events of that task', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 30 }),
        fc.integer({ min: 1, max: 9 }),
        (events, pid) => {
          const kept = filterEvents(asFrames(events), parseEventQuery(`pid:${pid}`));
          const expected = events
            .map((e, i) => (e.pid === pid || e.actor === `pid:${pid}` ? i : -1))
            .filter((i) => i >= 0);
          expect(kept).toEqual(expected);
        },
      ),
    );
  });
});

describe('filterInChunks', () => {
  it('finds what filterEvents finds, piece by piece, saying how far it has read', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 40 }),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (events, text, chunk) => {
          const frames = asFrames(events);
          const q = parseEventQuery(text);
          const run = filterInChunks(frames, q, chunk);
          const read: number[] = [];
          let r = run.next();
          for (; !r.done; r = run.next()) read.push(r.value);
          expect(r.value).toEqual(filterEvents(frames, q));
          expect(read).toEqual(
            Array.from(
              { length: Math.max(0, Math.ceil(events.length / chunk) - 1) },
              (_, k) => (k + 1) * chunk,
            ),
          );
        },
      ),
    );
  });
});
