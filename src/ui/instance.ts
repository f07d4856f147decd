import { createAppInstance, type AppInstance } from '../app/instance';
import { UiHandles } from './handles';
import { lessonById } from './lessons/catalog';

/** One debugger as the UI holds it: the app instance and its components' handles. */
export interface DebuggerInstance extends AppInstance {
  handles: UiHandles;
}

export function createDebuggerInstance(): DebuggerInstance {
  const instance = createAppInstance(undefined, { builtInLesson: lessonById });
  return { ...instance, handles: new UiHandles() };
}
