import { useState } from 'react';
import { useRunAction } from '../actions/run';
import { useDebugger, useDebuggerState } from '../context';
import type { DebuggerState } from '../../store/types';
import { LESSONS } from '../lessons/catalog';
import { STORAGE_KEY } from '../share/persist';
import { isMomentHash } from '../share/linkCodec';

const selectEngaged = (s: DebuggerState): boolean => s.galleryOpen || s.lesson !== null;

/** A first visit: no link in the address and no session saved by an earlier visit. */
function firstVisit(): boolean {
  if (isMomentHash(window.location.hash)) return false;
  try {
    return window.localStorage.getItem(STORAGE_KEY) === null;
  } catch {
    return false; // storage refused: better no hint than one on every visit
  }
}

/**
 * On a first visit, one line above the tree points at Lesson 1 and at the gallery. The default
 * tree is already open below it, so someone who wants only that can ignore or dismiss the line.
 */
export function Welcome() {
  const { store } = useDebugger();
  const run = useRunAction();
  const [shown, setShown] = useState(firstVisit);
  // Once the gallery or a lesson has been opened, the hint has done its job.
  const engaged = useDebuggerState(selectEngaged);
  if (shown && engaged) setShown(false);
  if (!shown || engaged) return null;
  const first = LESSONS[0];
  return (
    <section className="welcome" aria-label="Welcome">
      <span>New to crviz? Start with a narrated lesson, or pick an example.</span>
      <button
        type="button"
        className="small"
        title={first.summary}
        onClick={() => {
          setShown(false);
          store.getState().setParams({ example: first.id });
          run('open-example', 'menu');
        }}
      >
        Lesson 1: {first.title}
      </button>
      <button
        type="button"
        className="small"
        onClick={() => {
          setShown(false);
          run('examples', 'button');
        }}
      >
        Browse examples
      </button>
      <button
        type="button"
        className="small"
        aria-label="Dismiss"
        title="Hide this hint and stay on the default tree"
        onClick={() => setShown(false)}
      >
        ×
      </button>
    </section>
  );
}
