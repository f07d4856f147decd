import type { WorldSnapshot } from '../../engine/snapshot';
import type { DebuggerApp } from '../../app/debuggerApp';
import type { DebuggerState } from '../../store/types';

/** Everything an action may look at or use. `end` is the world where new steps apply. */
export interface ActionContext {
  state: DebuggerState;
  /** The world at the end of the timeline (user actions append steps there). */
  end: WorldSnapshot | null;
  /** The world at the cursor (what the tree shows). */
  here: WorldSnapshot | null;
  app: DebuggerApp;
}

export type ActionGroup =
  'process' | 'container' | 'restart' | 'timeline' | 'lesson' | 'share' | 'engine' | 'help';

export interface Action {
  id: string;
  label: string;
  group: ActionGroup;
  /** KeyboardEvent.key that triggers it ("f", "ArrowRight", " ", "?"). */
  shortcut?: string;
  /** Longer description for the help sheet. */
  help: string;
  /** true when it can run, else the reason it cannot ("Restart needs an image: checkpoint first"). */
  enabledWhen(ctx: ActionContext): true | string;
  perform(ctx: ActionContext): void | Promise<unknown>;
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
