/**
 * Reading a file the CLI was given, bounded before it is read: only a regular file, and only
 * up to its kind's limit (src/engine/limits.ts). /dev/zero would otherwise grow memory without
 * end and a FIFO would block forever, both without a word on stderr.
 */
import { errorText } from '../engine/error-text';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { INPUT_LIMITS, sizeRefusal, type InputKind } from '../engine/limits';
import type { ReadResult } from './types';

/** What a non-regular file is, for the message. */
export function fileType(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a plain file';
}

export function reason(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a parent of this path is not a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENXIO') return 'not a regular file (a socket or a device with nothing behind it)';
  return errorText(err).split(/[\r\n]/)[0];
}

/**
 * The bytes of `path` when it is a regular file within the limit of `kind`. Opened with
 * O_NONBLOCK so that opening a FIFO returns at once and fstat can refuse it.
 */
export function readBounded(path: string, kind: InputKind): ReadResult {
  return readCapped(path, INPUT_LIMITS[kind], (size) => sizeRefusal(kind, size) as string);
}

/** `readBounded` for a limit of its own: `refusal` says what a file of `size` bytes is refused for. */
export function readCapped(
  path: string,
  limit: number,
  refusal: (size: number) => string,
): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: reason(err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return { ok: false, reason: `not a regular file (${fileType(st)})`, refused: true };
    if (st.size > limit) return { ok: false, reason: refusal(st.size), refused: true };
    // Read until end of file but never past the limit: a file that grows while it is read (or
    // says it is empty, as /proc files do) is held to the same bound as its stated size.
    const cap = limit + 1;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(cap - total, Math.max(st.size + 1 - total, 1 << 16)));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total >= cap) return { ok: false, reason: refusal(total), refused: true };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : concat(chunks, total) };
  } catch (err) {
    return { ok: false, reason: reason(err) };
  } finally {
    closeSync(fd);
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
