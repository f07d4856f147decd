/** Lessons are data (crviz-lesson/1): their types belong to the engine's reader. */
export type { Caption, CaptionAnchor, CaptionQuestion, Lesson } from '../../engine/lesson/types';
