import type { KError, KResult } from '../errno';
import { ImageReader } from '../image/reader';
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

/** HEADER, the three uts BUFFERs and HEADER_ARCH, in the reader's mode; the uflags. */
function readHeaderRecords(r: ImageReader): KResult<number> {
  const h = lift(r.readHeader());
  if (!h.ok) return h;
  const uts = lift(r.readUtsBuffers());
  if (!uts.ok) return uts;
  const arch = lift(r.readHeaderArch());
  if (!arch.ok) return arch;
  return { ok: true, value: h.value.uflags };
}

/**
 * HEADER, the uts BUFFERs, HEADER_ARCH, TREE and the pids BUFFER, as user space reads them
 * (user-cr restart.c ckpt_read_header/ckpt_read_tree: record types and lengths, nr_tasks > 0;
 * the header's values are the kernel's business).
 */
export function readImageHead(
  bytes: Uint8Array,
): KResult<{ uflags: number; pids: PidsEntry[]; offset: number }> {
  const r = new ImageReader(bytes, 0, { collect: false, checkValues: false });
  const h = readHeaderRecords(r);
  if (!h.ok) return h;
  const tree = lift(r.readTree());
  if (!tree.ok) return tree;
  return { ok: true, value: { uflags: h.value, pids: tree.value.pids, offset: r.offset } };
}

/** restore_read_header: HEADER, the uts BUFFERs and HEADER_ARCH with every kernel check. */
export function restoreReadHeader(bytes: Uint8Array): KResult<number> {
  const r = new ImageReader(bytes, 0, { collect: false });
  const h = readHeaderRecords(r);
  if (!h.ok) return h;
  return { ok: true, value: r.offset };
}

/** restore_read_tree: TREE and the pids BUFFER from the stream position. */
export function restoreReadTree(bytes: Uint8Array, offset: number): KResult<number> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const tree = lift(r.readTree());
  if (!tree.ok) return tree;
  return { ok: true, value: r.offset };
}

/** One task's TASK record at the stream position (restore_task_struct's ckpt_read_obj_type). */
export function readTaskFieldsAt(
  bytes: Uint8Array,
  offset: number,
): KResult<{ record: Omit<TaskRecord, 'comm'>; offset: number }> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const t = lift(r.readTaskFields());
  if (!t.ok) return t;
  return { ok: true, value: { record: t.value, offset: r.offset } };
}

/** The comm STRING that follows a TASK record. */
export function readCommAt(
  bytes: Uint8Array,
  offset: number,
): KResult<{ comm: string; offset: number }> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const t = lift(r.readComm());
  if (!t.ok) return t;
  return { ok: true, value: { comm: t.value, offset: r.offset } };
}

/** The TAIL at the stream position; returns the offset after it. */
export function readTailAt(bytes: Uint8Array, offset: number): KResult<number> {
  const r = new ImageReader(bytes, offset, { collect: false });
  const t = lift(r.readTail());
  if (!t.ok) return t;
  return { ok: true, value: r.offset };
}
