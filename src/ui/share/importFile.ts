import type { Moment } from '../../app/moment';
import { VARIANTS, type Variant } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import { isPng, readTextChunks } from './pngText';
import { readPicked } from './readPicked';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The moment a crviz PNG was exported at (its `crviz-moment` chunk), or why there is none. */
export function pngMoment(bytes: Uint8Array): Moment | Error {
  let text: Record<string, string>;
  try {
    text = readTextChunks(bytes);
  } catch (err) {
    return new Error(message(err));
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
    variant: VARIANTS.includes(m.variant as Variant) ? (m.variant as Variant) : null,
    schedule: typeof m.schedule === 'string' ? m.schedule : 'fifo',
    cursor: typeof m.cursor === 'number' ? m.cursor : Number.MAX_SAFE_INTEGER,
    selection: typeof m.selection === 'number' ? m.selection : null,
    lesson: typeof m.lesson === 'string' ? m.lesson : null,
  };
}

/**
 * Opens whatever file was picked or dropped, by its content: a PNG exported by crviz (the
 * moment it was taken at), a .ckpt image, a criu-tree/1 bundle or a crviz-scenario/1 file. Bad
 * files get a notice, nothing changes.
 */
export async function importFile(
  instance: DebuggerInstance,
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
  return app.openText(text, name);
}

/** Imports a picked or dropped file, after checking its size against its kind's limit. */
export async function importPicked(
  instance: DebuggerInstance,
  file: Blob & { name: string },
): Promise<boolean> {
  const r = await readPicked(file);
  if (!r.ok) {
    instance.store.getState().notify('error', r.message);
    return false;
  }
  return importFile(instance, file.name, r.bytes);
}
