import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/events';
import { frameList } from '../../engine/timeline/frames';
import { traceParts } from './trace';

const arbEvent: fc.Arbitrary<EngineEvent> = fc.record(
  {
    seq: fc.nat(),
    actor: fc.constantFrom('coord' as const, 'user' as const, 'pid:3' as const),
    fn: fc.constantFrom('do_fork' as const, 'exit_notify' as const),
    what: fc.string(),
    pid: fc.nat(),
    errno: fc.constantFrom('EBUSY', 'EINVAL'),
    data: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())),
  },
  { requiredKeys: ['seq', 'actor', 'fn', 'what'] },
);

describe('traceParts', () => {
  it('joins to the events as one pretty-printed JSON array, for any events', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 12 }), (events) => {
        const frames = frameList(
          events.map((event) => ({ event, step: 0, change: null, active: null })),
        );
        const text = traceParts(frames).join('');
        expect(text).toBe(`${JSON.stringify(events, null, 2)}\n`);
      }),
    );
  });

  it('cuts a long trace into parts of a few thousand events', () => {
    const event: EngineEvent = { seq: 0, actor: 'user', fn: 'do_fork', what: 'fork' };
    const frames = frameList(
      Array.from({ length: 10_000 }, () => ({ event, step: 0, change: null, active: null })),
    );
    const parts = traceParts(frames);
    expect(parts.length).toBe(5);
    expect(JSON.parse(parts.join(''))).toHaveLength(10_000);
  });
});
