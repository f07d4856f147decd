import type { Moment } from '../../app/moment';
import { isVariant } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import type { DumpBlob } from '../../engine/import/criu/blobs';
import { isPng, readTextChunks } from './pngText';
import { errorText } from '../../engine/error-text';

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
  const { app } = instance;
  if (isPng(bytes)) return app.applyMoment(pngMoment(bytes), name);
  const text = new TextDecoder().decode(bytes);
  if (/\.ckpt$/i.test(name) || !/^\s*\{/.test(text)) return app.uploadImage(name, bytes);
  let format: unknown;
  try {
    format = (JSON.parse(text) as { format?: unknown }).format;
  } catch {
    // Let the scenario parser say where the JSON breaks.
  }
  if (format === 'criu-tree/1') return app.importBundle(text, name);
  return app.openText(text, name);
}

const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz)$/i;

/** gzip (1f 8b) or a tar header ("ustar" at 257): an archive whatever its name. */
async function looksLikeArchive(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 262).arrayBuffer());
  const ustar = [0x75, 0x73, 0x74, 0x61, 0x72].every((b, i) => head[257 + i] === b);
  return (head[0] === 0x1f && head[1] === 0x8b) || ustar;
}

/** What was dropped or picked: one file (by its content), a checkpoint archive, or a folder. */
export async function importPicked(instance: DebuggerInstance, picked: DumpBlob[]) {
  const one = picked.length === 1 && !picked[0].path.includes('/') ? picked[0] : null;
  if (one && (ARCHIVE_NAME.test(one.path) || (await looksLikeArchive(one.file)))) {
    return instance.app.importDump({ archive: one.file }, one.path);
  }
  if (one) return importFile(instance, one.path, new Uint8Array(await one.file.arrayBuffer()));
  if (picked.length === 0) return false;
  const name = picked[0].path.split('/')[0] || 'dump';
  return instance.app.importDump({ files: picked }, name);
}
