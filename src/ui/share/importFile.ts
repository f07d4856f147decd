import type { Moment } from '../../app/moment';
import { isVariant } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';

/** What an import uses: the app that opens the file and the store that gets its notices. */
export type Importer = Pick<DebuggerInstance, 'app' | 'store'>;
import type { DumpBlob } from '../../engine/import/criu/blobs';
import { isPng, readTextChunks } from './pngText';
import { errorText } from '../../engine/error-text';
import { readPicked } from './readPicked';
import { sizeRefusal } from '../../engine/limits';
import { looksLikeLesson } from '../../engine/lesson/parse';
import { openLessonText } from '../lessons/openLesson';

/** The moment a crviz PNG was exported at (its `crviz-moment` chunk), or why there is none. */
export function pngMoment(bytes: Uint8Array): Moment | Error {
  let text: Record<string, string>;
  try {
    text = readTextChunks(bytes);
  } catch (err) {
    return new Error(errorText(err));
  }
  const scenarioText = text['crviz-scenario'];
  if (!scenarioText) return new Error('this picture holds no crviz scenario');
  let m: Partial<Record<keyof Moment, unknown>> = {};
  try {
    m = JSON.parse(text['crviz-moment'] ?? '{}') as typeof m;
  } catch {
    // The scenario alone is still worth opening; it shows its last step.
  }
  return {
    scenarioText,
    variant: isVariant(m.variant) ? m.variant : null,
    schedule: typeof m.schedule === 'string' ? m.schedule : 'fifo',
    cursor: typeof m.cursor === 'number' ? m.cursor : Number.MAX_SAFE_INTEGER,
    selection: typeof m.selection === 'number' ? m.selection : null,
    // A carried lesson is checked by the lesson reader when the moment opens (applyMoment).
    lesson: (m.lesson ?? null) as Moment['lesson'],
  };
}

/**
 * Opens whatever file was picked or dropped, by its content: a PNG exported by crviz (the
 * moment it was taken at), a .ckpt image, a criu-tree/1 bundle, a crviz-lesson/1 lesson or a
 * crviz-scenario/1 file. Bad
 * files get a notice, nothing changes.
 */
export async function importFile(
  instance: Importer,
  name: string,
  bytes: Uint8Array,
): Promise<boolean> {
  const { app, store } = instance;
  if (bytes.length === 0) {
    store.getState().notify('error', `${name}: the file is empty`);
    return false;
  }
  if (isPng(bytes)) return app.applyMoment(pngMoment(bytes), name);
  const text = new TextDecoder().decode(bytes);
  // A .json name is taken at its word: a broken scenario gets the parser's message, not "bad image".
  const json = /\.json$/i.test(name) || /^\s*\{/.test(text);
  if (/\.ckpt$/i.test(name) || !json) return app.uploadImage(name, bytes);
  // The format is found without parsing on the page's thread: the worker parses (a 50 MB file
  // would block the page), and a quote inside a JSON string is escaped, so it cannot match.
  const format = /(?<!\\)"format"\s*:\s*"criu-tree\/1"/.test(text) ? 'criu-tree/1' : undefined;
  if (format === 'criu-tree/1') return app.importBundle(text, name);
  if (looksLikeLesson(text)) return openLessonText(instance, text, name);
  return app.openText(text, name);
}

const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz)$/i;

/** gzip (1f 8b) or a tar header ("ustar" at 257): an archive whatever its name. */
async function looksLikeArchive(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 262).arrayBuffer());
  const ustar = [0x75, 0x73, 0x74, 0x61, 0x72].every((b, i) => head[257 + i] === b);
  return (head[0] === 0x1f && head[1] === 0x8b) || ustar;
}

/**
 * What was dropped or picked: one file (by its content), a checkpoint archive, or a folder.
 * Sizes are checked before anything is read (src/engine/limits.ts): one file against its
 * kind's limit, an archive against the archive limit; a folder's files are each bounded by the
 * importer in the worker, which reads only pstree.img and the core images.
 */
export async function importPicked(instance: Importer, picked: DumpBlob[]): Promise<boolean> {
  const refuse = (text: string) => (instance.store.getState().notify('error', text), false);
  const one = picked.length === 1 && !picked[0].path.includes('/') ? picked[0] : null;
  if (one && (ARCHIVE_NAME.test(one.path) || (await looksLikeArchive(one.file)))) {
    const tooLarge = sizeRefusal('archive', one.file.size);
    if (tooLarge) return refuse(`${one.path}: ${tooLarge}`);
    return instance.app.importDump({ archive: one.file }, one.path);
  }
  if (one) {
    // A named view of the same bytes (slice reads nothing) for readPicked's kind guess.
    const named = Object.assign(one.file.slice(0, one.file.size, one.file.type), {
      name: one.path,
    });
    const r = await readPicked(named);
    if (!r.ok) return refuse(r.message);
    return importFile(instance, one.path, r.bytes);
  }
  if (picked.length === 0) return false;
  const name = picked[0].path.split('/')[0] || 'dump';
  return instance.app.importDump({ files: picked }, name);
}
