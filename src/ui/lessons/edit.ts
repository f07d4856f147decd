/**
 * Writing a lesson: pure changes to a Lesson against the recording its captions narrate. The
 * captions stay in the order of their moments, so Next never goes back in time.
 */
import type { SessionRecording } from '../../engine/session-types';
import type { Scenario } from '../../engine/scenario/types';
import { anchorAt, anchorFrame } from './resolve';
import type { Caption, CaptionQuestion, Lesson } from './types';

/** A lesson id from a scenario's name: the characters crviz-lesson/1 allows, at most 64. */
export function lessonIdFor(name: string): string {
  const id = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return id || 'lesson';
}

/** A new lesson about `scenario`, with no captions yet (its first is added at once). */
export function draftLesson(scenario: Scenario): Lesson {
  return {
    id: lessonIdFor(scenario.name),
    title: (scenario.title ?? scenario.name).slice(0, 200) || 'A lesson',
    scenario,
    captions: [],
  };
}

/** The index of the caption pinned to `frame`, or -1. */
export function captionAtFrame(rec: SessionRecording, lesson: Lesson, frame: number): number {
  return lesson.captions.findIndex((c) => anchorFrame(rec, c.at) === frame);
}

function sorted(rec: SessionRecording, captions: Caption[]): Caption[] {
  return captions
    .map((c, i) => ({ c, f: anchorFrame(rec, c.at), i }))
    .sort((a, b) => a.f - b.f || a.i - b.i)
    .map((x) => x.c);
}

export interface NewCaption {
  text: string;
  ask?: CaptionQuestion;
}

/** `lesson` with a caption at `frame` (in moment order), or why not. */
export function addCaption(
  rec: SessionRecording,
  lesson: Lesson,
  frame: number,
  caption: NewCaption,
): Lesson | string {
  const text = caption.text.trim();
  if (!text) return 'Write the caption’s text first';
  if (captionAtFrame(rec, lesson, frame) >= 0) return 'A caption is here already: edit that one';
  const added: Caption = {
    at: anchorAt(rec, frame),
    text,
    ...(caption.ask ? { ask: caption.ask } : {}),
  };
  return { ...lesson, captions: sorted(rec, [...lesson.captions, added]) };
}

/** `lesson` with caption `index`'s text and question replaced. */
export function editCaption(lesson: Lesson, index: number, caption: NewCaption): Lesson {
  const captions = lesson.captions.map((c, i) => {
    if (i !== index) return c;
    return { at: c.at, text: caption.text, ...(caption.ask ? { ask: caption.ask } : {}) };
  });
  return { ...lesson, captions };
}

export function removeCaption(lesson: Lesson, index: number): Lesson {
  return { ...lesson, captions: lesson.captions.filter((_, i) => i !== index) };
}

/**
 * Reorders by swapping what two neighbouring captions say (text and question) while their
 * moments stay: the story changes order, the timeline does not.
 */
export function moveCaption(lesson: Lesson, index: number, by: -1 | 1): Lesson {
  const other = index + by;
  const list = lesson.captions;
  if (index < 0 || other < 0 || index >= list.length || other >= list.length) return lesson;
  const say = (c: Caption) => ({ text: c.text, ...(c.ask ? { ask: c.ask } : {}) });
  const captions = list.map((c, i) => {
    if (i !== index && i !== other) return c;
    return { at: c.at, ...say(list[i === index ? other : index]) };
  });
  return { ...lesson, captions };
}

/** Pins caption `index` to `frame` instead (re-sorted), or why not. */
export function moveCaptionTo(
  rec: SessionRecording,
  lesson: Lesson,
  index: number,
  frame: number,
): Lesson | string {
  const here = captionAtFrame(rec, lesson, frame);
  if (here === index) return lesson;
  if (here >= 0) return 'A caption is here already';
  const captions = lesson.captions.map((c, i) =>
    i === index ? { ...c, at: anchorAt(rec, frame) } : c,
  );
  return { ...lesson, captions: sorted(rec, captions) };
}
