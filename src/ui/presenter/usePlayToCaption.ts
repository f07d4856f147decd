import { useCallback, useEffect, useRef, useState } from 'react';
import type { DebuggerStore } from '../../store/createDebuggerStore';
import { useReducedMotion } from '../useReducedMotion';

/** The time one event takes at speed 1, as the timeline's Play (usePlayback)... */
const BASE_MS = 700;
/** ...unless there are many: then the walk to the next caption takes at most this long at 1×. */
const MAX_WALK_MS = 6000;

/**
 * "Play to the next caption": the cursor walks through the events in between at the chosen
 * speed instead of jumping, so the class sees the tree change (a long restart is walked faster,
 * so that no walk takes more than 6 s at 1×). With reduced motion it jumps.
 * Returns the frame being played to (null when still) and `playTo`; asking again while playing
 * finishes at once (a second click on Next).
 */
export function usePlayToCaption(store: DebuggerStore, speed: number) {
  const [target, setTarget] = useState<number | null>(null);
  /** Events between the cursor and the target when the walk began. */
  const [events, setEvents] = useState(1);
  const reduced = useReducedMotion();
  const targetRef = useRef<number | null>(null);
  useEffect(() => {
    targetRef.current = target;
  }, [target]);

  useEffect(() => {
    if (target === null) return;
    const timer = setInterval(
      () => {
        const s = store.getState();
        const next = s.cursor + 1;
        if (next >= target) {
          s.setCursor(target);
          setTarget(null);
        } else {
          s.setCursor(next);
        }
      },
      Math.min(BASE_MS, MAX_WALK_MS / events) / speed,
    );
    return () => clearInterval(timer);
  }, [target, speed, store, events]);

  const playTo = useCallback(
    (frame: number) => {
      const playing = targetRef.current;
      if (playing !== null || reduced) {
        store.getState().setCursor(playing ?? frame);
        setTarget(null);
        return;
      }
      setEvents(Math.max(1, frame - store.getState().cursor));
      setTarget(frame);
    },
    [reduced, store],
  );
  const stop = useCallback(() => setTarget(null), []);
  return { target, playTo, stop };
}
