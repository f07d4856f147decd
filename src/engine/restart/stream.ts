import { kerror, type KError, type KResult } from '../errno';
import { ImageReader } from '../image/reader';
import { taskRefusal } from '../limits';
import type { PidsEntry, ReadResult, TaskRecord } from '../image/types';

/**
 * The restart side of the shared image stream. The stream position lives in the restart state
 * (so the explorer can copy it); each read starts a reader at that offset.
 */
function lift<T>(r: ReadResult<T>): KResult<T> {
  if (r.ok) return r;
  const { errno, code, message, offset } = r.error;
  const error: KError = { errno, code, message: `${message} (at offset ${offset})` };
  return { ok: false, error };
}

/** HEADER, the uts BUFFERs, HEADER_ARCH, TREE and the pids BUFFER, as user space reads them. */
export function readImageHead(
  bytes: Uint8Array,
): KResult<{ uflags: number; pids: PidsEntry[]; offset: number }> {
  const r = new ImageReader(bytes, 0, { collect: false });
  const h = lift(r.readHeader());
  if (!h.ok) return h;
  const uts = lift(r.readUtsBuffers());
  if (!uts.ok) return uts;
  const arch = lift(r.readHeaderArch());
  if (!arch.ok) return arch;
  const tree = lift(r.readTree());
  if (!tree.ok) return tree;
  // The kernel would fail to allocate a huge pids array; crviz holds a container to MAX_TASKS.
  const tooMany = taskRefusal(tree.value.pids.length, 'the image');
  if (tooMany) return { ok: false, error: kerror('ENOMEM', tooMany) };
  return { ok: true, value: { uflags: h.value.uflags, pids: tree.value.pids, offset: r.offset } };
}

/** One task's TASK + comm STRING at the stream position. */
export function readTaskAt(
  bytes: Uint8Array,
  offset: number,
): KResult<{ record: TaskRecord; offset: number }> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const t = lift(r.readTask());
  if (!t.ok) return t;
  return { ok: true, value: { record: t.value, offset: r.offset } };
}

/** The TAIL at the stream position; returns the offset after it. */
export function readTailAt(bytes: Uint8Array, offset: number): KResult<number> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const t = lift(r.readTail());
  if (!t.ok) return t;
  return { ok: true, value: r.offset };
}
