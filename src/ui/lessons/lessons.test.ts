import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse';
import { runSession } from '../../engine/session';
import { LESSON_PROBLEMS, LESSONS } from './catalog';
import { WorldReplay } from '../../engine/timeline/timeline';
import { anchorFrame, captionFrames, predictionFor } from './resolve';
import { allFrames } from '../../engine/timeline/frames';

function recordingOf(scenario: unknown) {
  const parsed = parseScenario(JSON.stringify(scenario), 'lesson.json');
  if (!parsed.ok) throw new Error(parsed.message);
  return runSession(parsed.scenario);
}

describe('built-in lessons', () => {
  it('reads every file of examples/lessons/, each listed in the catalog', () => {
    expect(LESSON_PROBLEMS).toEqual([]);
  });

  it('has at least six, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: parses, meets every expectation, every anchor matches an event`, () => {
      const rec = recordingOf(lesson.scenario);
      expect(rec.report.ok).toBe(true);
      for (const c of lesson.captions) {
        if (!c.at.fn) continue;
        const f = anchorFrame(rec, c.at);
        expect(rec.frames.get(f)!.event.fn, c.text).toBe(c.at.fn);
        if (c.at.actor) expect(rec.frames.get(f)!.event.actor).toBe(c.at.actor);
      }
      const frames = captionFrames(rec, lesson.captions);
      // Captions move forward through the run, so Next never goes back in time.
      for (let i = 1; i < frames.length; i++) expect(frames[i]).toBeGreaterThan(frames[i - 1]);
    });
  }

  it('the v17 lesson leaks one ctx reference', () => {
    const lesson = LESSONS.find((l) => l.id === 'v17-ctx-leak')!;
    const rec = recordingOf(lesson.scenario);
    const steps = rec.report.steps;
    expect(steps.find((s) => s.op === 'restart')?.ctx_refcount_end).toBe(1);
  });

  it('the hand-off lesson asks predictions whose answers follow the pids order', () => {
    const lesson = LESSONS.find((l) => l.id === 'active-pid-handoff')!;
    const rec = recordingOf(lesson.scenario);
    const frames = captionFrames(rec, lesson.captions);
    const answers = frames
      .slice(1)
      .map((f, i) => predictionFor(new WorldReplay(rec.initial, rec.frames), frames[i], f)?.answer)
      .filter((a) => a !== undefined);
    expect(answers).toEqual([1, 2, 3, 4, 'complete']);
  });
});

describe('the xchg window lesson', () => {
  it('fails v18-28 with ESRCH, completes v19 on the same schedule, and asks for the failure in predict mode', () => {
    const lesson = LESSONS.find((l) => l.id === 'xchg-window')!;
    const rec = recordingOf(lesson.scenario);
    const restarts = rec.report.steps.filter((s) => s.op === 'restart');
    expect(restarts.map((s) => s.ok)).toEqual([false, true]);
    expect(restarts[0].errno).toBe('ESRCH');
    const frames = captionFrames(rec, lesson.captions);
    const timeline = new WorldReplay(rec.initial, rec.frames);
    const answers = frames
      .slice(1)
      .map((f, i) => predictionFor(timeline, frames[i], f)?.answer)
      .filter((a) => a !== undefined);
    expect(answers[0]).toBe('failed');
  });
});

describe('the counted-completion lesson', () => {
  it('completes naive before the zombie is one, and v18-73 only after', () => {
    const lesson = LESSONS.find((l) => l.id === 'counted-completion')!;
    const rec = recordingOf(lesson.scenario);
    const [naive, counted] = rec.report.steps.filter((s) => s.op === 'restart');
    expect(naive.ok && counted.ok).toBe(true);
    const ev = allFrames(rec.frames).map((f) => `${f.step} ${f.event.actor} ${f.event.fn}`);
    const at = (step: number, what: string) => {
      const i = ev.indexOf(`${step} ${what}`);
      expect(i, what).toBeGreaterThan(-1);
      return i;
    };
    expect(at(naive.index, 'coord wait_all_tasks_finish')).toBeLessThan(
      at(naive.index, 'pid:3 exit_notify'),
    );
    expect(at(counted.index, 'coord wait_all_tasks_finish')).toBeGreaterThan(
      at(counted.index, 'pid:3 exit_notify'),
    );
    expect(at(counted.index, 'pid:3 restore_activate_next')).toBeLessThan(
      at(counted.index, 'pid:3 do_exit'),
    );
  });
});
