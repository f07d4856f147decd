import { largeScenario } from '../../engine/scenario/large-tree';
import type { ActionContext } from '../actions/types';
import { openLesson } from '../lessons/openLesson';
import type { GalleryEntry } from './catalog';

/**
 * Opens a gallery entry. A lesson opens at its first caption; a file goes through the engine's
 * parser like one the user picked; a large tree is generated here and runs in the worker, whose
 * progress the toolbar shows. The gallery closes first so that the progress is in view.
 */
export async function openExample(ctx: ActionContext, entry: GalleryEntry): Promise<boolean> {
  const { state, app } = ctx;
  state.setGalleryOpen(false);
  const source = entry.source;
  if (source.kind === 'lesson') return openLesson(ctx, source.lesson);
  const ok =
    source.kind === 'file'
      ? await app.openText(source.text, source.file)
      : await app.loadScenario(largeScenario(source.tasks));
  // An example is not a lesson: a lesson strip left from before would narrate the wrong run.
  if (ok) state.setLesson(null);
  return ok;
}
