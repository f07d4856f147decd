import { Announcer } from '../Announcer';
import { Notices } from '../Notices';
import { Timeline } from '../Timeline';
import { TreePanel } from '../TreePanel';
import { usePlayback } from '../usePlayback';

/**
 * `?embed=1`: only the tree and the timeline, for slides and pages that host crviz. No global
 * shortcuts: the host page owns the keyboard.
 */
export function EmbedScreen() {
  usePlayback();
  return (
    <div className="app embed">
      <Notices />
      <main className="main">
        <TreePanel />
      </main>
      <footer className="bottom">
        <Timeline />
      </footer>
      <Announcer />
    </div>
  );
}
