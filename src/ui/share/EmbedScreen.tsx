import { Announcer } from '../Announcer';
import { LessonPanel } from '../lessons/LessonPanel';
import { Notices } from '../Notices';
import { useTheme } from '../theme/useTheme';
import { Timeline } from '../Timeline';
import { TreePanel } from '../TreePanel';
import { usePlayback } from '../usePlayback';
import type { EmbedOptions } from './embedOptions';
import './embed.css';

/**
 * `?embed=1`: the tree, the lesson's caption and the timeline, for slides and pages that host
 * crviz in an iframe; no Open/Save/Reset, exports or imports, and no global shortcuts (the host
 * page owns the keyboard). The tree re-fits when the frame is resized (its ResizeObserver).
 * `height=` fixes the page's height (the iframe snippet sets the same on the frame).
 */
export function EmbedScreen({ options }: { options: EmbedOptions }) {
  usePlayback();
  useTheme(false, options.theme ?? undefined);
  return (
    <div
      className="app embed"
      style={options.height === null ? undefined : { height: `${options.height}px` }}
    >
      <div className="strip">
        <Notices />
        <LessonPanel />
      </div>
      <main className="main">
        <TreePanel files={false} />
      </main>
      <footer className="bottom">
        <Timeline />
      </footer>
      <Announcer />
    </div>
  );
}
