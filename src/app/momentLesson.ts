import { parseLesson } from '../engine/lesson/parse';
import { LESSON_FORMAT, type Lesson } from '../engine/lesson/types';
import type { Scenario } from '../engine/scenario/types';
import type { CarriedLesson } from './moment';

export type MomentLesson = { lesson: Lesson | null } | { error: string };

/** The lesson without its scenario, as links, PNGs and the saved session carry it. */
export function carriedLesson(lesson: Lesson): CarriedLesson {
  const { scenario, ...rest } = lesson;
  void scenario;
  return rest;
}

/**
 * The lesson a moment carries, checked against the scenario it opened: a carried document goes
 * through the lesson reader with that scenario inline (so its anchors are checked against the
 * steps that exist); an id names a built-in lesson, kept only if it narrates this scenario.
 */
export function lessonOfMoment(
  carried: unknown,
  scenario: Scenario,
  source: string,
  builtIn: (id: string) => Lesson | undefined,
): MomentLesson {
  if (carried === null || carried === undefined) return { lesson: null };
  if (typeof carried === 'string') {
    const lesson = builtIn(carried);
    return { lesson: lesson && lesson.scenario.name === scenario.name ? lesson : null };
  }
  if (typeof carried !== 'object' || Array.isArray(carried)) {
    return { error: 'the lesson it carries is not an object' };
  }
  const text = JSON.stringify({ ...carried, format: LESSON_FORMAT, scenario });
  const r = parseLesson(text, source);
  return r.ok ? { lesson: r.lesson } : { error: `its lesson is not valid: ${r.message}` };
}
