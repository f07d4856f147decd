import type { DebuggerApp } from '../../app/debuggerApp';
import type { WorldSnapshot } from '../../engine/snapshot';
import type { DebuggerStore } from '../../store/createDebuggerStore';
import type { DebuggerState } from '../../store/types';
import type { UiHandles } from '../handles';

/** What an enabled-when check reads: the store state as a whole and two worlds derived from it. */
export interface ActionState {
  state: DebuggerState;
  /** The world at the end of the timeline (user actions append steps there). */
  end: WorldSnapshot | null;
  /** The world at the cursor (what the tree shows). */
  here: WorldSnapshot | null;
}

/** Where an action was started from. */
export type ActionSource = 'button' | 'shortcut' | 'palette' | 'menu' | 'tree' | 'drop';

/** Everything an action's `perform` may use. */
export interface ActionContext extends ActionState {
  app: DebuggerApp;
  /** The store itself, for what runs after `state` was read (an import's notices). */
  store: DebuggerStore;
  /** What mounted components offer (the tree's Fit and drawing, the file pickers). */
  handles: UiHandles;
  source: ActionSource;
}

export type ActionGroup =
  | 'process'
  | 'container'
  | 'restart'
  | 'timeline'
  | 'lesson'
  | 'share'
  | 'engine'
  | 'scenario'
  | 'view'
  | 'help';

/** One registry entry (its id is its key in the registry). */
export interface ActionSpec {
  label: string;
  group: ActionGroup;
  /** KeyboardEvent.key that triggers it ("f", "ArrowRight", " ", "?"). */
  shortcut?: string;
  /** Longer description for the help sheet. */
  help: string;
  /** true when it can run, else the reason it cannot ("Restart needs an image: checkpoint first"). */
  enabledWhen(s: ActionState): true | string;
  /**
   * Runs it. An action that acts on something the user picked (a counterexample) takes it as
   * `arg`; `never` here lets each entry name its own argument type.
   */
  perform: (ctx: ActionContext, arg?: never) => void | Promise<unknown>;
}

/** The text a shortcut key shows as. */
export function shortcutLabel(key: string | undefined): string {
  if (!key) return '';
  const names: Record<string, string> = {
    ' ': 'Space',
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
  };
  if (names[key]) return names[key];
  if (key.length === 1 && key !== key.toLowerCase()) return `Shift+${key}`;
  return key;
}
