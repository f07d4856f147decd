import type { EngineEvent } from '../engine/events';
import type { WorldSnapshot } from '../engine/snapshot';
import type { FrameList } from '../engine/timeline/frames';
import { imagesAt } from './imagesAt';
import type { SessionRecording } from '../engine/session-types';
import type { Breakpoint, Busy, DebuggerState } from './types';

/** Module-level selectors: each returns a stored reference or a primitive, never a new object. */

export const selectRecording = (s: DebuggerState): SessionRecording | null => s.recording;
export const selectCursor = (s: DebuggerState): number => s.cursor;
/** Where a far cursor move under way goes (null: none). */
export const selectSeeking = (s: DebuggerState): number | null => s.seeking;
export const selectFrameCount = (s: DebuggerState): number => s.recording?.frames.length ?? 0;
export const selectPlaying = (s: DebuggerState): boolean => s.playing;
export const selectSpeed = (s: DebuggerState): number => s.speed;
export const selectFollowActive = (s: DebuggerState): boolean => s.followActive;
export const selectHiddenRoots = (s: DebuggerState) => s.hiddenRoots;
export const selectSelection = (s: DebuggerState): number | null => s.selection;
export const selectNotices = (s: DebuggerState) => s.notices;
export const selectBusy = (s: DebuggerState): Busy => s.busy;
export const selectProgress = (s: DebuggerState) => s.progress;
export const selectHelpOpen = (s: DebuggerState): boolean => s.helpOpen;
export const selectParams = (s: DebuggerState) => s.params;
export const selectBreakpoints = (s: DebuggerState): Breakpoint[] => s.breakpoints;
export const selectFrames = (s: DebuggerState): FrameList | null => s.recording?.frames ?? null;
/** The images as they are at the cursor (see imagesAt). */
export const selectImages = (s: DebuggerState) =>
  s.recording ? imagesAt(s.recording, s.cursor) : null;

/** The world at the cursor. */
export const selectSnapshot = (s: DebuggerState): WorldSnapshot | null => s.snapshot;

/** The world before the cursor's event. */
export const selectPreviousSnapshot = (s: DebuggerState): WorldSnapshot | null =>
  s.previousSnapshot;

/** The world at the end of the timeline: where the next user action applies. */
export const selectEndSnapshot = (s: DebuggerState): WorldSnapshot | null => s.endSnapshot;

export const selectTimeline = (s: DebuggerState) => s.timeline;

export const selectCurrentEvent = (s: DebuggerState): EngineEvent | null =>
  s.recording?.frames.get(s.cursor)?.event ?? null;

export const selectAtEnd = (s: DebuggerState): boolean =>
  s.cursor >= (s.recording?.frames.length ?? 0) - 1;
export const selectExploreResult = (s: DebuggerState) => s.exploreResult;
export const selectExploreProgress = (s: DebuggerState) => s.exploreProgress;
export const selectLesson = (s: DebuggerState) => s.lesson;
export const selectLessonsOpen = (s: DebuggerState): boolean => s.lessonsOpen;
export const selectLessonEditorOpen = (s: DebuggerState): boolean => s.lessonEditorOpen;
export const selectPresenting = (s: DebuggerState): boolean => s.presenting;
export const selectGalleryOpen = (s: DebuggerState): boolean => s.galleryOpen;
export const selectShareLink = (s: DebuggerState) => s.shareLink;
