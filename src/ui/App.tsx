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
import { LessonEditor } from './lessons/LessonEditor';
import { LessonList } from './lessons/LessonList';
import { PresenterSwitch } from './presenter/PresenterScreen';
import { LessonPanel } from './lessons/LessonPanel';
import { createDebuggerInstance } from './instance';
import { EngineProgress } from './EngineProgress';
import { Notices } from './Notices';
import { DropHint } from './share/DropHint';
import { EmbedScreen } from './share/EmbedScreen';
import { installPersistence } from './share/persist';
import { ShareBox } from './share/ShareBox';
import type { EmbedOptions } from './share/embedOptions';
import { embedScenario } from './share/embedScenario';
import { installHashListener, openEmbedInitial, openInitial } from './share/startup';
import './share/share.css';
import { installTestHook } from './testHook';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { TreePanel } from './TreePanel';
import { usePlayback } from './usePlayback';
import { useShortcuts } from './useShortcuts';
import { PanelTabs, type PanelTab } from './layout/PanelTabs';
import { useTheme } from './theme/useTheme';
import './app.css';
import './layout/layout.css';

function Screen() {
  useShortcuts();
  usePlayback();
  useTheme(true);
  // Which panel the narrow layout shows under the timeline (a wide screen shows them all).
  const [panel, setPanel] = useState<PanelTab>('inspector');
  return (
    <div className="app" data-panel={panel}>
      <Toolbar />
      <div className="strip">
        <EngineProgress />
        <Welcome />
        <Notices />
        <ShareBox />
        <LessonPanel />
        <CounterexamplePanel />
      </div>
      <LessonList />
      <LessonEditor />
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
        <PanelTabs tab={panel} onChange={setPanel} />
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
  /** `?embed=1` and its options: tree, caption and timeline only, no shortcuts, nothing persisted. */
  embed?: EmbedOptions | null;
}

/** One debugger instance on the page: a link in the URL, the saved session, or `scenario`. */
export function App({ scenario = defaultScenario, embed = null }: AppProps) {
  // Creating the instance is cheap and side-effect free; its worker starts in the effect.
  const [instance] = useState(createDebuggerInstance);
  useEffect(() => {
    instance.start();
    const removeHook = installTestHook(instance);
    // An embed of the default scenario gets steps to play (embedScenario.ts).
    if (embed)
      void openEmbedInitial(
        instance,
        embed,
        scenario === defaultScenario ? embedScenario : scenario,
      );
    else void openInitial(instance, scenario, true);
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
      {embed ? (
        <EmbedScreen options={embed} />
      ) : (
        <PresenterSwitch>
          <Screen />
        </PresenterSwitch>
      )}
    </DebuggerContext.Provider>
  );
}
