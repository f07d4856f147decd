import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse';
import { runSession } from '../../engine/session';
import { lessonById } from './catalog';
import { addCaption, draftLesson, moveCaption, moveCaptionTo, removeCaption } from './edit';
import { anchorAt, anchorFrame, captionFrames } from './resolve';

const lesson = lessonById('active-pid-handoff')!;
const parsed = parseScenario(JSON.stringify(lesson.scenario), 'l.json');
if (!parsed.ok) throw new Error(parsed.message);
const rec = runSession(parsed.scenario);
const frame = fc.integer({ min: -1, max: rec.frames.length - 1 });

describe('writing a lesson', () => {
  it('pins a caption to exactly the frame it was added at (anchorAt inverts anchorFrame)', () => {
    fc.assert(
      fc.property(frame, (f) => {
        expect(anchorFrame(rec, anchorAt(rec, f))).toBe(f);
      }),
    );
  });

  it('keeps captions in timeline order, one per moment, whatever the order they are added in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(frame, { minLength: 1, maxLength: 8 }), (frames) => {
        let l = draftLesson(rec.scenario);
        for (const f of frames) {
          const next = addCaption(rec, l, f, { text: `at ${f}` });
          if (typeof next === 'string') throw new Error(next);
          l = next;
        }
        expect(captionFrames(rec, l.captions)).toEqual([...frames].sort((a, b) => a - b));
        expect(addCaption(rec, l, frames[0], { text: 'again' })).toBe(
          'A caption is here already: edit that one',
        );
      }),
    );
  });

  it('reorders by swapping what captions say, moves one to another moment, deletes', () => {
    const swapped = moveCaption(lesson, 0, 1);
    expect(swapped.captions[0].text).toBe(lesson.captions[1].text);
    expect(swapped.captions[0].at).toEqual(lesson.captions[0].at);
    expect(moveCaption(lesson, 0, -1)).toBe(lesson);
    const last = rec.frames.length - 1;
    const moved = moveCaptionTo(rec, removeCaption(lesson, 10), 0, last);
    if (typeof moved === 'string') throw new Error(moved);
    expect(moved.captions.at(-1)!.text).toBe(lesson.captions[0].text);
    expect(removeCaption(lesson, 0).captions).toHaveLength(lesson.captions.length - 1);
  });
});
