import { clip } from '../engine/quote';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { WorldReplay } from '../engine/timeline/timeline';
import { atOnce, CursorSeek, FAR_ROWS, moveCost, type SliceRunner } from './cursorSeek';
import { firstErrorFrame } from './markers';
import { SPEEDS, type Breakpoint, type DebuggerState, type Notice } from './types';

export type DebuggerStore = StoreApi<DebuggerState>;

function sameBreakpoint(a: Breakpoint, b: Breakpoint): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'fn' && b.kind === 'fn') return a.fn === b.fn;
  if (a.kind === 'active' && b.kind === 'active') return a.pid === b.pid;
  return true;
}

function clampCursor(cursor: number, frames: number): number {
  return Math.max(-1, Math.min(frames - 1, Math.trunc(cursor)));
}

/**
 * The worlds at and just before frame `at`. Read here, when the cursor moves, and never while
 * rendering: reading a world moves the timeline's one shared position.
 */
function worldsAt(timeline: WorldReplay | null, at: number) {
  if (!timeline) return { snapshot: null, previousSnapshot: null };
  return { snapshot: timeline.at(at), previousSnapshot: at >= 0 ? timeline.at(at - 1) : null };
}

/** Runs a function before the next paint; where there are no frames (Node), at once. */
export type FrameScheduler = (f: () => void) => void;

function nextFrame(): FrameScheduler {
  return typeof requestAnimationFrame === 'function'
    ? (f) => void requestAnimationFrame(() => f())
    : (f) => f();
}

/**
 * One store per debugger instance (no module-level singleton). Step moves (buttons, arrow keys)
 * are coalesced per frame: 200 clicks within one frame are one cursor move of 200 steps, one
 * render, instead of 200 synchronous renders (which React stops with "Maximum update depth").
 * A far move (Go to step across a 100,000-task restart: hundreds of thousands of rows) is made
 * over turns through `slice` (the page passes a later turn; the default, at once, is for Node
 * and tests): the cursor and its worlds change together when it lands, `seeking` says where it
 * goes meanwhile, and a newer move replaces it.
 */
export function createDebuggerStore(
  schedule: FrameScheduler = nextFrame(),
  slice: SliceRunner = atOnce,
): DebuggerStore {
  let noticeId = 0;
  /** Where queued step moves lead, until the frame that applies them. */
  let pendingCursor: number | null = null;
  const seek = new CursorSeek(slice);
  return createStore<DebuggerState>()((set, get) => ({
    recording: null,
    timeline: null,
    cursor: -1,
    seeking: null,
    snapshot: null,
    previousSnapshot: null,
    endSnapshot: null,
    firstError: -1,
    playing: false,
    speed: 1,
    followActive: false,
    hiddenRoots: { roots: 0, tasks: 0 },
    breakpoints: [],
    selection: null,
    notices: [],
    busy: null,
    progress: null,
    helpOpen: false,
    params: {
      signal: 15,
      core: false,
      exitStatus: 0,
      variant: null,
      schedule: 'fifo',
      example: null,
    },
    exploreResult: null,
    exploreProgress: null,
    lesson: null,
    lessonsOpen: false,
    lessonEditorOpen: false,
    presenting: false,
    galleryOpen: false,
    shareLink: null,
    history: { past: [], future: [] },
    counterexample: null,
    theme: 'system',

    setRecording(recording, cursor, replay) {
      seek.cancel();
      const frames = recording.frames.length;
      const timeline = replay ?? new WorldReplay(recording.initial, recording.frames);
      const at = clampCursor(cursor ?? frames - 1, frames);
      const endSnapshot = timeline.at(frames - 1);
      const firstError = firstErrorFrame(recording);
      // A cursor far from the end (a history entry's, a link's) is reached from the end in
      // slices: the end is shown meanwhile, cursor and worlds together.
      const far = moveCost(timeline, at) > FAR_ROWS;
      const shown = far ? frames - 1 : at;
      set({
        recording,
        timeline,
        cursor: shown,
        seeking: null,
        ...worldsAt(timeline, shown),
        endSnapshot,
        firstError,
      });
      if (far) get().setCursor(at);
    },
    setCursor(cursor) {
      pendingCursor = null; // a direct move wins over step moves not applied yet
      const { timeline } = get();
      const at = clampCursor(cursor, timeline?.length ?? 0);
      if (timeline && moveCost(timeline, at) > FAR_ROWS) {
        set({ seeking: at });
        seek.start(timeline, at, () =>
          set({ cursor: at, seeking: null, ...worldsAt(timeline, at) }),
        );
        return;
      }
      seek.cancel();
      set({ cursor: at, seeking: null, ...worldsAt(timeline, at) });
    },
    stepBy(delta) {
      // From where the moves asked for lead: queued steps, else a far move under way.
      get().scrubTo((pendingCursor ?? get().seeking ?? get().cursor) + delta);
    },
    scrubTo(cursor) {
      const frames = get().timeline?.length ?? 0;
      const queued = pendingCursor !== null;
      pendingCursor = clampCursor(cursor, frames);
      if (queued) return;
      schedule(() => {
        if (pendingCursor !== null) get().setCursor(pendingCursor);
      });
    },
    first() {
      get().setCursor(-1);
    },
    last() {
      get().setCursor(Number.MAX_SAFE_INTEGER);
    },
    play() {
      const { recording, cursor } = get();
      if (!recording || recording.frames.length === 0) return;
      // Playing from the end starts over, as media players do.
      if (cursor >= recording.frames.length - 1) get().setCursor(-1);
      set({ playing: true });
    },
    pause() {
      set({ playing: false });
    },
    setSpeed(speed) {
      const min = SPEEDS[0];
      const max = SPEEDS[SPEEDS.length - 1];
      if (Number.isFinite(speed)) set({ speed: Math.max(min, Math.min(max, speed)) });
    },
    setFollowActive(on) {
      set({ followActive: on });
    },
    setHiddenRoots(hidden) {
      set({ hiddenRoots: hidden });
    },
    toggleBreakpoint(bp) {
      const list = get().breakpoints;
      const has = list.some((b) => sameBreakpoint(b, bp));
      set({ breakpoints: has ? list.filter((b) => !sameBreakpoint(b, bp)) : [...list, bp] });
    },
    select(pid) {
      set({ selection: pid });
    },
    notify(kind, text, step) {
      // Messages quote input: one that carries a huge text still shows a few lines of it.
      const notice = { id: ++noticeId, kind, text: clip(text, 600), ...(step ? { step } : {}) };
      // A step's notice again (a second double click) replaces the first instead of piling up.
      const again = (n: Notice) => !!step && !!n.step && n.text === notice.text;
      const notices = [...get().notices.filter((n) => !again(n)), notice];
      set({ notices: notices.slice(-5) });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    setBusy(busy) {
      set({ busy, progress: null });
    },
    setProgress(progress) {
      if (get().busy === 'load') set({ progress });
    },
    setHelpOpen(helpOpen) {
      set({ helpOpen });
    },
    setParams(params) {
      set({ params: { ...get().params, ...params } });
    },
    setExploreResult(exploreResult) {
      set({ exploreResult });
    },
    setExploreProgress(exploreProgress) {
      set({ exploreProgress });
    },
    setLesson(lesson) {
      set({ lesson });
    },
    setLessonsOpen(lessonsOpen) {
      set({ lessonsOpen });
    },
    setLessonEditorOpen(lessonEditorOpen) {
      set({ lessonEditorOpen });
    },
    setPresenting(presenting) {
      set({ presenting });
    },
    setGalleryOpen(galleryOpen) {
      set({ galleryOpen });
    },
    setShareLink(shareLink) {
      set({ shareLink });
    },
    setHistory(history) {
      set({ history });
    },
    setCounterexample(counterexample) {
      set({ counterexample });
    },
    setTheme(theme) {
      set({ theme });
    },
  }));
}
