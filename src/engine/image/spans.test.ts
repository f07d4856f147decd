import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { recordSpans, spanOfField } from './spans';
import { imageInput } from './test-arbitraries';
import { THREE_TASKS } from './test-fixtures';
import { writeImage } from './writer';

describe('recordSpans', () => {
  it('tiles every record of any image exactly, in byte order', () => {
    fc.assert(
      fc.property(imageInput, (input) => {
        const d = decodeImage(writeImage(input));
        for (const r of d.records) {
          let at = r.offset;
          for (const s of recordSpans(r)) {
            expect(s.offset).toBe(at);
            at += s.size;
          }
          expect(at).toBe(r.offset + r.len);
        }
      }),
    );
  });

  it('every decoded field has its span, a pids entry field its entry', () => {
    const d = decodeImage(writeImage(THREE_TASKS));
    for (const r of d.records) {
      for (const key of Object.keys(r.fields)) {
        if (key === 'entries' || key === 'nr_entries') continue;
        expect(spanOfField(r, key), `${r.name}.${key}`).toBeDefined();
      }
    }
    const task = d.records.filter((r) => r.name === 'TASK')[2];
    expect(spanOfField(task, 'exit_code')).toEqual({
      field: 'exit_code',
      offset: task.offset + 16,
      size: 4,
    });
    const pids = d.records[6];
    expect(spanOfField(pids, 'entries[1].vppid')).toEqual({
      field: 'entries[1].vppid',
      offset: pids.offset + 8 + 24 + 4,
      size: 4,
    });
  });
});
