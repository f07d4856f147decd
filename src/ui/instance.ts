import { createAppInstance, type AppInstance } from '../app/instance';
import { UiHandles } from './handles';
import { lessonById } from './lessons/catalog';
import { runSliced } from '../render/tree';

/** Work a turn of a far cursor move does before the page may render and take input. */
const SEEK_TURN_MS = 8;

/** One debugger as the UI holds it: the app instance and its components' handles. */
export interface DebuggerInstance extends AppInstance {
  handles: UiHandles;
}

export function createDebuggerInstance(): DebuggerInstance {
  // Far cursor moves run over turns of the page, about 8 ms of pieces each, by the page's one
  // sliced-job runner (see store/cursorSeek.ts).
  const instance = createAppInstance(undefined, { builtInLesson: lessonById }, (job, done) =>
    runSliced(job, done, { budgetMs: SEEK_TURN_MS }),
  );
  return { ...instance, handles: new UiHandles() };
}
