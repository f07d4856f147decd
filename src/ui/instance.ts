import { createAppInstance, type AppInstance } from '../app/instance';
import { lessonById } from './lessons/catalog';

/**
 * What mounted components offer the action registry: the tree's Fit and the file pickers. Each
 * component sets its entry in an effect and clears it on unmount.
 */
export interface UiHandles {
  fitTree?: () => void;
  pickScenarioFile?: () => void;
  pickImportFile?: () => void;
  pickImageFile?: () => void;
}

/** One debugger as the UI holds it: the app instance and its components' handles. */
export interface DebuggerInstance extends AppInstance {
  handles: UiHandles;
}

export function createDebuggerInstance(): DebuggerInstance {
  const instance = createAppInstance(undefined, { isLesson: (id) => !!lessonById(id) });
  return { ...instance, handles: {} };
}
