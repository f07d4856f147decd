import { useEffect, useState } from 'react';
import type { Scenario } from '../engine/scenario/types';
import { Announcer } from './Announcer';
import { CommandPalette } from './CommandPalette';
import { DebuggerContext } from './context';
import { defaultScenario } from './defaultScenario';
import { EventLog } from './EventLog';
import { ExplorerPanel } from './ExplorerPanel';
import { HelpSheet } from './HelpSheet';
import { ImagePanel } from './ImagePanel';
import { Inspector } from './Inspector';
import { LessonList } from './lessons/LessonList';
import { LessonPanel } from './lessons/LessonPanel';
import { createDebuggerInstance } from './instance';
import { Notices } from './Notices';
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
        <Notices />
        <LessonPanel />
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
    </div>
  );
}

/** One debugger instance on the page, opened on `scenario` (the default one unless given). */
export function App({ scenario = defaultScenario }: { scenario?: Scenario }) {
  // Creating the instance is cheap and side-effect free; its worker starts in the effect.
  const [instance] = useState(createDebuggerInstance);
  useEffect(() => {
    instance.start();
    const removeHook = installTestHook(instance);
    void instance.session.loadScenario(scenario);
    return () => {
      removeHook();
      instance.stop();
    };
  }, [instance, scenario]);
  return (
    <DebuggerContext.Provider value={instance}>
      <Screen />
    </DebuggerContext.Provider>
  );
}
