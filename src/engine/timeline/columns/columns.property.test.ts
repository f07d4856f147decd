import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../snapshot';
import { GrowColumn, StringTable, TextSink, textAt } from './grow';
import { readTask, TASK_FIELDS, writeTaskNums } from './task-codec';

const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

const taskView: fc.Arbitrary<TaskView> = fc.record({
  pid: int,
  tgid: int,
  ppid: int,
  pgid: int,
  sid: int,
  comm: fc.string({ maxLength: 15, unit: 'binary' }),
  state: fc.constantFrom('running', 'stopped', 'traced', 'zombie', 'dead'),
  exit_code: int,
  exit_signal: int,
  pdeath_signal: int,
  frozen: fc.boolean(),
  traced: fc.boolean(),
});

describe('the recording’s column encoders', () => {
  it('give back any task view, with its keys in TaskView order', () => {
    fc.assert(
      fc.property(taskView, (t) => {
        const nums = new Int32Array(TASK_FIELDS + 3);
        writeTaskNums(t, nums, 3);
        const back = readTask(nums, 3, t.comm);
        expect(back).toEqual(t);
        expect(JSON.stringify(back)).toBe(JSON.stringify(t));
      }),
    );
  });

  it('give back any list of texts, ASCII or not, long or short, through UTF-8', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.string({ maxLength: 600 }),
            // Any UTF-16 code units, lone surrogates too (comm's raw bytes are kept as those).
            fc.string({
              unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
            }),
          ),
        ),
        (texts) => {
          const sink = new TextSink();
          texts.forEach((s, i) => expect(sink.push(s)).toBe(i));
          const col = structuredClone(sink.done());
          expect(texts.map((_, i) => textAt(col, i))).toEqual(texts);
        },
      ),
    );
  });

  it('grow a column past its first buffer and keep every value', () => {
    fc.assert(
      fc.property(fc.array(int, { maxLength: 5000 }), (values) => {
        const col = new GrowColumn(Int32Array, 4);
        for (const v of values) col.push(v);
        expect(Array.from(col.done())).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });

  it('number each distinct string once', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (list) => {
        const t = new StringTable();
        const ids = list.map((s) => t.of(s));
        expect(ids.map((i) => t.list[i])).toEqual(list);
        expect(t.list).toEqual([...new Set(list)]);
      }),
    );
  });
});
