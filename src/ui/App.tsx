import { useEffect, useState } from 'react';
import type { Scenario } from '../engine/scenario/types';
import { Announcer } from './Announcer';
import { CommandPalette } from './CommandPalette';
import { CounterexamplePanel } from './counterexample/CounterexamplePanel';
import { DebuggerContext } from './context';
import { defaultScenario } from './defaultScenario';
import { EventLog } from './EventLog';
import { Welcome } from './gallery/Welcome';
import { ExplorerPanel } from './ExplorerPanel';
import { HelpSheet } from './HelpSheet';
import { ImagePanel } from './ImagePanel';
import { Inspector } from './Inspector';
import { LessonList } from './lessons/LessonList';
import { LessonPanel } from './lessons/LessonPanel';
import { createDebuggerInstance } from './instance';
import { Notices } from './Notices';
import { DropHint } from './share/DropHint';
import { EmbedScreen } from './share/EmbedScreen';
import { installPersistence } from './share/persist';
import { ShareBox } from './share/ShareBox';
import { installHashListener, openInitial } from './share/startup';
import './share/share.css';
import { installTestHook } from './testHook';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { TreePanel } from './TreePanel';
import { usePlayback } from './usePlayback';
import { useShortcuts } from './useShortcuts';
import './app.css';

function Screen() {
  useShortcuts();
  usePlayback();
  return (
    <div className="app">
      <Toolbar />
      <div className="strip">
        <Welcome />
        <Notices />
        <ShareBox />
        <LessonPanel />
        <CounterexamplePanel />
      </div>
      <LessonList />
      <main className="main">
        <TreePanel />
        <aside className="side">
          <Inspector />
          <ImagePanel />
          <ExplorerPanel />
        </aside>
      </main>
      <footer className="bottom">
        <Timeline />
        <EventLog />
      </footer>
      <HelpSheet />
      <CommandPalette />
      <Announcer />
      <DropHint />
    </div>
  );
}

interface AppProps {
  /** What opens when the URL holds no link and no session was saved (the default scenario). */
  scenario?: Scenario;
  /** `?embed=1`: tree and timeline only, no shortcuts, nothing persisted. */
  embed?: boolean;
}

/** One debugger instance on the page: a link in the URL, the saved session, or `scenario`. */
export function App({ scenario = defaultScenario, embed = false }: AppProps) {
  // Creating the instance is cheap and side-effect free; its worker starts in the effect.
  const [instance] = useState(createDebuggerInstance);
  useEffect(() => {
    instance.start();
    const removeHook = installTestHook(instance);
    void openInitial(instance, scenario, !embed);
    const removePersistence = embed ? () => undefined : installPersistence(instance);
    const removeHashListener = installHashListener(instance, !embed);
    return () => {
      removeHashListener();
      removePersistence();
      removeHook();
      instance.stop();
    };
  }, [instance, scenario, embed]);
  return (
    <DebuggerContext.Provider value={instance}>
      {embed ? <EmbedScreen /> : <Screen />}
    </DebuggerContext.Provider>
  );
}
