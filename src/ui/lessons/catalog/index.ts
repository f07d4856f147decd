import type { Lesson } from '../types';
import { activePidHandoff } from './activePidHandoff';
import { badImages } from './badImages';
import { checkpointSaves } from './checkpointSaves';
import { countedCompletion } from './countedCompletion';
import { exitCheckpointRace } from './exitCheckpointRace';
import { v17Leak } from './v17Leak';
import { xchgWindow } from './xchgWindow';
import { zombieWait } from './zombieWait';

/** The built-in lessons, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  zombieWait,
  checkpointSaves,
  activePidHandoff,
  exitCheckpointRace,
  xchgWindow,
  countedCompletion,
  v17Leak,
  badImages,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
