/**
 * Reading a file the user picked or dropped, bounded before it is read: its size is checked
 * against its kind's limit (src/engine/limits.ts) from File.size, so a huge file costs nothing.
 */
import { sizeRefusal, type InputKind } from '../../engine/limits';

export type Picked = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const PNG_START = [137, 80, 78, 71];

/**
 * What a file of unknown kind (Import, drop) is, from its name and first bytes without reading
 * the rest: a crviz PNG or JSON is a scenario (a criu-tree/1 bundle has the same limit), else a
 * checkpoint image.
 */
export async function guessKind(file: Blob & { name: string }): Promise<InputKind> {
  if (/\.ckpt$/i.test(file.name)) return 'image';
  if (/\.(json|png)$/i.test(file.name)) return 'scenario';
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (PNG_START.every((b, i) => head[i] === b)) return 'scenario';
  const text = new TextDecoder().decode(head);
  return /^\s*\{/.test(text) ? 'scenario' : 'image';
}

/** The file's bytes if it is within the limit of `kind`, else the message to show. */
export async function readPicked(file: Blob & { name: string }, kind?: InputKind): Promise<Picked> {
  const refusal = sizeRefusal(kind ?? (await guessKind(file)), file.size);
  if (refusal) return { ok: false, message: `${file.name}: ${refusal}` };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
