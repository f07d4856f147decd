import { useEffect, useRef, type ReactNode } from 'react';
import './presenter.css';
import {
  selectCursor,
  selectPresenting,
  selectRecording,
  selectSpeed,
} from '../../store/selectors';
import { SPEEDS } from '../../store/types';
import { runAction } from '../actions/run';
import { useDebugger, useDebuggerState } from '../context';
import { activeLesson, nextCaptionFrame, previousCaptionFrame } from '../lessons/active';
import { captionFrames, captionIndexAt } from '../lessons/resolve';
import { Notices } from '../Notices';
import { TreePanel } from '../TreePanel';
import { usePlayToCaption } from './usePlayToCaption';

/** Keys a presentation clicker sends, and the keyboard's: forward and back. */
const FORWARD = new Set([' ', 'ArrowRight', 'ArrowDown', 'PageDown', 'Enter']);
const BACK = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** Presenter mode in place of the debugger while `presenting` (App renders it). */
export function PresenterSwitch({ children }: { children: ReactNode }) {
  const presenting = useDebuggerState(selectPresenting);
  return presenting ? <PresenterScreen /> : children;
}

/**
 * The lesson for a class: the tree, the caption in large type, its progress, Previous and
 * Next ("play to the next caption" animates the events in between at the chosen speed).
 */
function PresenterScreen() {
  const instance = useDebugger();
  const { store } = instance;
  const lesson = useDebuggerState(activeLesson);
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const speed = useDebuggerState(selectSpeed);
  const next = useDebuggerState(nextCaptionFrame);
  const previous = useDebuggerState(previousCaptionFrame);
  const { target, playTo, stop } = usePlayToCaption(store, speed);

  const leave = () => runAction(instance, 'lesson-present-leave', 'button');
  const forward = () => {
    const to = target ?? nextCaptionFrame(store.getState());
    if (to !== null) playTo(to);
  };
  const back = () => {
    stop();
    const to = previousCaptionFrame(store.getState());
    if (to !== null) store.getState().setCursor(to);
  };

  // The key listener is installed once and calls the latest handlers.
  const forwardRef = useRef(forward);
  const backRef = useRef(back);
  useEffect(() => {
    forwardRef.current = forward;
    backRef.current = back;
  });
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === 'Escape') {
        ev.preventDefault();
        runAction(instance, 'lesson-present-leave', 'shortcut');
      } else if (FORWARD.has(ev.key) && !(ev.target instanceof HTMLSelectElement)) {
        // A focused button would also click on space or Enter: the key is handled once, here.
        ev.preventDefault();
        forwardRef.current();
      } else if (BACK.has(ev.key) && !(ev.target instanceof HTMLSelectElement)) {
        ev.preventDefault();
        backRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [instance]);

  // Leaving full screen by the browser's own means (its Escape, a gesture) leaves the presenter.
  useEffect(() => {
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) runAction(instance, 'lesson-present-leave', 'shortcut');
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [instance]);

  // The lesson ended under the presenter (another scenario opened): back to the debugger.
  useEffect(() => {
    if (!lesson) store.getState().setPresenting(false);
  }, [lesson, store]);
  if (!lesson || !recording) return null;

  const frames = captionFrames(recording, lesson.captions);
  const index = captionIndexAt(frames, cursor);
  const caption = lesson.captions[index];
  const nextIndex = next === null ? -1 : frames.indexOf(next);
  const asks = nextIndex >= 0 && lesson.captions[nextIndex].ask === 'active_pid';
  return (
    <div className="app presenter" role="region" aria-label="Presenter">
      <header className="presenter-head">
        <h1>{lesson.title}</h1>
        <span className="presenter-progress" aria-live="polite">
          Caption {index + 1} of {frames.length}
        </span>
        <span className="spacer" />
        <label>
          Speed{' '}
          <select value={speed} onChange={(e) => store.getState().setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={leave}>
          Leave presenter
        </button>
      </header>
      <Notices />
      <main className="presenter-tree">
        <TreePanel fitUpTo={2.5} />
      </main>
      <footer className="presenter-foot">
        <p className="presenter-caption" aria-live="polite">
          {caption.text}
        </p>
        {asks && target === null ? (
          <p className="presenter-question">Before Next: who gets active_pid next?</p>
        ) : null}
        <div className="presenter-nav">
          <button type="button" onClick={back} disabled={previous === null}>
            Previous
          </button>
          <button type="button" onClick={forward} disabled={next === null && target === null}>
            {target !== null ? 'Skip to caption' : 'Next'}
          </button>
        </div>
      </footer>
    </div>
  );
}
