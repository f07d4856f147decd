import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KERNEL_FN_NAMES } from '../kernel-fns';
import { VARIANTS } from '../scenario/types';
import { parseLesson, serializeLesson } from './parse';
import type { CaptionAnchor, Lesson } from './types';

const scenario = {
  format: 'crviz-scenario/1',
  name: 'p',
  tree: [{ pid: 1, ppid: 0, comm: 'init' }],
  steps: [{ op: 'freeze' }, { op: 'thaw' }, { op: 'freeze' }],
};

const nonBlank = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim() !== '');

const anchor: fc.Arbitrary<CaptionAnchor> = fc.oneof(
  fc.constant({}),
  fc.record({ step: fc.integer({ min: 0, max: 2 }) }),
  fc.record(
    {
      step: fc.integer({ min: 0, max: 2 }),
      fn: fc.constantFrom(...KERNEL_FN_NAMES),
      actor: fc.oneof(
        fc.constant('coord'),
        fc.integer({ min: 1, max: 99 }).map((p) => `pid:${p}`),
      ),
      nth: fc.integer({ min: 1, max: 50 }),
    },
    { requiredKeys: ['step', 'fn'] },
  ),
);

const lesson = fc.record(
  {
    format: fc.constant('crviz-lesson/1'),
    id: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/),
    title: nonBlank(40),
    summary: nonBlank(40),
    variant: fc.constantFrom(...VARIANTS),
    schedule: fc.oneof(
      fc.constant('fifo'),
      fc.nat().map((n) => `random:${n}`),
    ),
    scenario: fc.constant(scenario),
    captions: fc.array(
      fc.record(
        { at: anchor, text: nonBlank(60), ask: fc.constant('active_pid') },
        { requiredKeys: ['at', 'text'] },
      ),
      { minLength: 1, maxLength: 6 },
    ),
  },
  { requiredKeys: ['format', 'id', 'title', 'scenario', 'captions'] },
);

describe('parseLesson properties', () => {
  it('never throws, and refuses garbage in one line', () => {
    const oneLine = (text: string) => {
      const r = parseLesson(text, 'x.json');
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.message).not.toMatch(/[\n\r]/);
    };
    fc.assert(fc.property(fc.string(), oneLine));
    fc.assert(fc.property(fc.jsonValue(), (v) => oneLine(JSON.stringify(v))));
    // Valid lessons with one part replaced by anything.
    fc.assert(
      fc.property(
        lesson,
        fc.constantFrom('title', 'id', 'captions', 'scenario', 'variant', 'schedule', 'format'),
        fc.jsonValue(),
        (l, key, value) => oneLine(JSON.stringify({ ...l, [key]: value })),
      ),
    );
  });

  it('accepts every valid lesson and reads back what it writes', () => {
    fc.assert(
      fc.property(lesson, (l) => {
        const r = parseLesson(JSON.stringify(l), 'x.json');
        if (!r.ok) throw new Error(r.message);
        const again = parseLesson(serializeLesson(r.lesson), 'y.json');
        expect(again).toEqual(r);
        const { format, ...rest } = l;
        expect(format).toBe('crviz-lesson/1');
        expect({ ...r.lesson, scenario: undefined }).toEqual({
          ...(rest as Lesson),
          scenario: undefined,
        });
      }),
    );
  });
});
