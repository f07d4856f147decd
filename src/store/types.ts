import type { ExploreResult } from '../engine/explore/explore';
import type { ExploreProgress } from '../engine/explore/tick';
import type { Lesson } from '../engine/lesson/types';
import type { Scenario, Variant } from '../engine/scenario/types';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import type { WorldSnapshot } from '../engine/snapshot';
import type { WorldReplay } from '../engine/timeline/timeline';

export type Breakpoint =
  { kind: 'fn'; fn: string } | { kind: 'active'; pid: number } | { kind: 'error' };

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
  /** The scenario step whose result this is: shown only while the cursor is on that step. */
  step?: NoticeStep;
}

/** The step a notice belongs to: its index and the step itself (an undone step is another). */
export interface NoticeStep {
  index: number;
  /** The step as JSON: a different step at the same index (after an undo) is not this one. */
  json: string;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** What the engine is busy with: a run (load, user action, replay) or the explorer, or nothing. */
export type Busy = 'load' | 'explore' | null;

/** What one debugger instance shows. The world itself lives in `recording`. */
export interface DebuggerData {
  recording: SessionRecording | null;
  /** Rebuilds the world at any frame of `recording` from the frames' changes. */
  timeline: WorldReplay | null;
  /** Index into recording.frames; -1 is the world before any event. */
  cursor: number;
  /**
   * Where a far cursor move under way goes (built in slices over turns), until it lands and
   * `cursor` and the snapshots change together; null when none is.
   */
  seeking: number | null;
  /** The world at the cursor (what the tree shows). */
  snapshot: WorldSnapshot | null;
  /** The world before the cursor's event (what that step changed); null before any event. */
  previousSnapshot: WorldSnapshot | null;
  /** The world at the end of the timeline (where user actions apply). */
  endSnapshot: WorldSnapshot | null;
  /** The first frame whose event failed, or -1 (found once per recording, not per render). */
  firstError: number;
  playing: boolean;
  speed: number;
  /** The tree view keeps the task holding active_pid in the middle as the cursor moves. */
  followActive: boolean;
  /**
   * Top-level tasks the tree view does not draw (a forest past its card budget, as half-way
   * through a big destroy) and the tasks in them; the view reports it, Show more draws more.
   */
  hiddenRoots: { roots: number; tasks: number };
  breakpoints: Breakpoint[];
  /** Selected task pid (in the current container). */
  selection: number | null;
  notices: Notice[];
  /** What the engine is working on; actions that need the engine wait for null. */
  busy: Busy;
  /** How far the engine is with the run that makes the page busy (null before its first report). */
  progress: SessionProgress | null;
  helpOpen: boolean;
  /** Parameters of the actions that take one. */
  params: {
    signal: number;
    core: boolean;
    exitStatus: number;
    /** Restart variant; null = the scenario's. */
    variant: Variant | null;
    /** Restart schedule: 'fifo' or 'random:SEED'. */
    schedule: string;
    /** The example the gallery picked, by its id in the gallery (src/ui/gallery/catalog.ts). */
    example: string | null;
  };
  /** The explorer's last result (for the scenario it ran on); `busy` says whether it runs. */
  exploreResult: ExploreResult | null;
  /** How far the running exploration has got (null when none runs). */
  exploreProgress: ExploreProgress | null;
  /** The lesson being followed (built in, opened, or being written) and whether predict mode is on. */
  lesson: LessonState | null;
  /** The lesson list is open. */
  lessonsOpen: boolean;
  /** The lesson editor (captions of the lesson being written) is open. */
  lessonEditorOpen: boolean;
  /** Presenter mode: only the tree, the caption and Next/Previous, full screen. */
  presenting: boolean;
  /** The examples gallery is open. */
  galleryOpen: boolean;
  /** The last permalink made by Share, shown in a text field when the clipboard refuses it. */
  shareLink: ShareLink | null;
  /** Undo and redo of the scenario's edits (user steps, schedule picks, Reset). */
  history: EditHistory;
  /** The counterexample opened from the explorer (see selectCounterexample). */
  counterexample: OpenCounterexample | null;
  /** The colour theme asked for; `system` follows prefers-color-scheme and prefers-contrast. */
  theme: ThemeChoice;
}

/** A counterexample opened from the explorer, for the recording it was opened as. */
export interface OpenCounterexample {
  /** The trace it was opened as: another recording on screen means it is closed. */
  recording: SessionRecording;
  invariant: string;
  /** The explorer's message. */
  message: string;
  /** What is wrong, in words, from the invariant and the world where it broke. */
  words: string;
  variant: Variant;
  /** The frame where the invariant broke. */
  frame: number;
  /** The restart step the schedule belongs to. */
  stepIndex: number;
  /** A schedule that breaks nothing, beside it; 'searching' until the engine answers. */
  passing: PassingTrace | null | 'searching';
}

/** The passing schedule's trace and where it first differs from the counterexample's. */
export interface PassingTrace {
  schedule: string[];
  recording: SessionRecording;
  /** Index of the first event (from the restart's start) where the two traces differ. */
  diverge: number;
}

/** A scenario as it was before an edit, and where the cursor was (for undo and redo). */
export interface HistoryEntry {
  scenario: Scenario;
  cursor: number;
  /** The edit that left this scenario behind ("checkpoint", "reset"). */
  label: string;
}

/** Scenario edits that can be undone (`past`, newest last) and redone (`future`, next last). */
export interface EditHistory {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export type ThemeChoice = 'system' | 'light' | 'dark' | 'high-contrast';

export interface ShareLink {
  url: string;
  /** The clipboard took it; otherwise the field is the way to copy it. */
  copied: boolean;
  /** The iframe snippet that embeds the same moment (`?embed=1`). */
  embedCode: string;
  /** The clipboard took the embed code (Copy embed code) rather than the link. */
  embedCopied?: boolean;
}

export interface LessonState {
  lesson: Lesson;
  predict: boolean;
}

export interface DebuggerActions {
  /** Shows a recording at `cursor` (default: its end); `replay`, when given, is its replay already moved ahead (receive.ts). */
  setRecording(recording: SessionRecording, cursor?: number, replay?: WorldReplay): void;
  setCursor(cursor: number): void;
  stepBy(delta: number): void;
  /**
   * Moves the cursor to `cursor` at the next animation frame: a drag of the timeline slider
   * passes hundreds of frames, and only the one it is on at each frame is rebuilt.
   */
  scrubTo(cursor: number): void;
  first(): void;
  last(): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  setFollowActive(on: boolean): void;
  setHiddenRoots(hidden: { roots: number; tasks: number }): void;
  toggleBreakpoint(bp: Breakpoint): void;
  select(pid: number | null): void;
  /** A notice; with `step`, it belongs to that step's result (see Notices.tsx). */
  notify(kind: Notice['kind'], text: string, step?: NoticeStep): void;
  dismiss(id: number): void;
  /** What the engine is busy with; either way the previous run's progress is forgotten. */
  setBusy(busy: Busy): void;
  setProgress(progress: SessionProgress | null): void;
  setHelpOpen(open: boolean): void;
  setParams(params: Partial<DebuggerData['params']>): void;
  setExploreResult(result: ExploreResult | null): void;
  setExploreProgress(progress: ExploreProgress | null): void;
  setLesson(lesson: LessonState | null): void;
  setLessonsOpen(open: boolean): void;
  setLessonEditorOpen(open: boolean): void;
  setPresenting(presenting: boolean): void;
  setGalleryOpen(open: boolean): void;
  setShareLink(link: ShareLink | null): void;
  setHistory(history: EditHistory): void;
  setCounterexample(c: OpenCounterexample | null): void;
  setTheme(theme: ThemeChoice): void;
}

export type DebuggerState = DebuggerData & DebuggerActions;
