import { isVariant } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import { isPng, readTextChunks } from './pngText';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

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
    store.getState().notify('error', `${name}: ${message(err)}`);
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
      store.getState().notify('error', `${name}: ${message(err)}`);
      return false;
    }
  }
  return session.openText(text, name);
}
