import { useEffect } from 'react';
import { NO_FRAMES } from '../engine/timeline/frames';
import { hitsAny } from '../store/breakpoints';
import { selectPlaying, selectSpeed } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

const BASE_MS = 700;

/** While playing, advances the cursor at the chosen speed; stops at the end or a breakpoint. */
export function usePlayback(): void {
  const { store } = useDebugger();
  const playing = useDebuggerState(selectPlaying);
  const speed = useDebuggerState(selectSpeed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = store.getState();
      const frames = s.recording?.frames ?? NO_FRAMES;
      if (s.cursor >= frames.length - 1) {
        s.pause();
        return;
      }
      const next = s.cursor + 1;
      s.setCursor(next);
      if (next >= frames.length - 1 || hitsAny(s.breakpoints, frames, next)) s.pause();
    }, BASE_MS / speed);
    return () => clearInterval(timer);
  }, [playing, speed, store]);
}
