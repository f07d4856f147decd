/**
 * The built-in lessons: the crviz-lesson/1 files of examples/lessons/, bundled as text and read
 * by the same reader as a lesson the user opens, in teaching order.
 */
import { parseLesson } from '../../engine/lesson/parse';
import type { Lesson } from './types';

const FILES = import.meta.glob<string>('../../../examples/lessons/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Lesson ids (their file names) in the order a course goes through them. */
const ORDER = [
  'zombie-wait',
  'checkpoint-saves',
  'active-pid-handoff',
  'exit-checkpoint-race',
  'xchg-window',
  'counted-completion',
  'v17-ctx-leak',
  'bad-images',
] as const;

const fileName = (path: string) => path.split('/').pop()!;

function read(): { lessons: Lesson[]; problems: string[] } {
  const byFile = new Map(Object.entries(FILES).map(([p, text]) => [fileName(p), text]));
  const problems: string[] = [];
  const lessons = ORDER.flatMap((id) => {
    const file = `${id}.json`;
    const text = byFile.get(file);
    if (text === undefined) return (problems.push(`${file} is listed but missing`), []);
    const r = parseLesson(text, file);
    if (!r.ok) return (problems.push(`${file}: ${r.message}`), []);
    if (r.lesson.id !== id) problems.push(`${file}: its id is ${r.lesson.id}`);
    return [r.lesson];
  });
  for (const file of byFile.keys()) {
    if (!ORDER.some((id) => `${id}.json` === file)) problems.push(`${file} is not in the catalog`);
  }
  return { lessons, problems };
}

const CATALOG = read();

/** The built-in lessons, in teaching order. */
export const LESSONS: readonly Lesson[] = CATALOG.lessons;

/** Files that failed to read, or are missing or unlisted (a test keeps this empty). */
export const LESSON_PROBLEMS: readonly string[] = CATALOG.problems;

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
