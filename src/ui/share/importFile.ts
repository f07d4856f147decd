import { errorText } from '../../engine/error-text';
import { isVariant } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import type { DumpBlob, DumpInput } from '../../engine/import/criu/blobs';
import { isPng, readTextChunks } from './pngText';

interface SavedMoment {
  cursor?: unknown;
  selection?: unknown;
  variant?: unknown;
  schedule?: unknown;
}

/** Opens a crviz PNG: its scenario, then the moment it was taken at. */
async function openPng(instance: DebuggerInstance, name: string, bytes: Uint8Array) {
  const { store, session } = instance;
  let text: Record<string, string>;
  try {
    text = readTextChunks(bytes);
  } catch (err) {
    store.getState().notify('error', `${name}: ${errorText(err)}`);
    return false;
  }
  const scenario = text['crviz-scenario'];
  if (!scenario) {
    store.getState().notify('error', `${name}: this picture holds no crviz scenario`);
    return false;
  }
  if (!(await session.openText(scenario, name))) return false;
  let m: SavedMoment = {};
  try {
    m = JSON.parse(text['crviz-moment'] ?? '{}') as SavedMoment;
  } catch {
    // The scenario alone is still worth opening; it shows its last step.
  }
  const s = store.getState();
  if (m.variant === null || isVariant(m.variant)) s.setParams({ variant: m.variant });
  if (typeof m.schedule === 'string') s.setParams({ schedule: m.schedule });
  if (typeof m.cursor === 'number') s.setCursor(m.cursor);
  if (typeof m.selection === 'number') s.select(m.selection);
  return true;
}

/**
 * Opens whatever file was picked or dropped, by its content: a PNG exported by crviz, a .ckpt
 * image, a criu-tree/1 bundle or a crviz-scenario/1 file. Bad files get a notice, nothing changes.
 */
export async function importFile(
  instance: DebuggerInstance,
  name: string,
  bytes: Uint8Array,
): Promise<boolean> {
  const { store, session, client } = instance;
  if (isPng(bytes)) return openPng(instance, name, bytes);
  const text = new TextDecoder().decode(bytes);
  if (/\.ckpt$/i.test(name) || !/^\s*\{/.test(text)) return session.uploadImage(name, bytes);
  let format: unknown;
  try {
    format = (JSON.parse(text) as { format?: unknown }).format;
  } catch {
    // Let the scenario parser say where the JSON breaks.
  }
  if (format === 'criu-tree/1') {
    try {
      const scenario = await client.importBundle(text, name);
      const ok = await session.loadScenario(scenario);
      if (ok) store.getState().select(null);
      return ok;
    } catch (err) {
      store.getState().notify('error', `${name}: ${errorText(err)}`);
      return false;
    }
  }
  return session.openText(text, name);
}

/**
 * Opens a CRIU dump: a folder (its files with their paths) or a checkpoint archive. The worker
 * decodes it, reporting progress through the engine progress bar; a refused dump is a notice.
 */
export async function importDump(
  instance: DebuggerInstance,
  name: string,
  input: DumpInput,
): Promise<boolean> {
  const { store, session, client } = instance;
  store.getState().setBusy(true);
  let scenario;
  try {
    scenario = await client.importDump(input, name, (p) => store.getState().setProgress(p));
  } catch (err) {
    store.getState().notify('error', errorText(err));
    return false;
  } finally {
    store.getState().setBusy(false);
  }
  const ok = await session.loadScenario(scenario);
  if (ok) store.getState().select(null);
  return ok;
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
    return importDump(instance, one.path, { archive: one.file });
  }
  if (one) return importFile(instance, one.path, new Uint8Array(await one.file.arrayBuffer()));
  if (picked.length === 0) return false;
  const name = picked[0].path.split('/')[0] || 'dump';
  return importDump(instance, name, { files: picked });
}
