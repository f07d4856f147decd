/**
 * The checkpoint side: the byte stream sys_checkpoint writes (spec 2.3), or the ERROR + STRING
 * of a refused checkpoint (spec 2.11). One preallocated buffer, fields placed by the layout
 * tables; the buffer starts zeroed, which is also what the kernel's kzalloc'd headers give
 * every padding byte and every field a zombie does not save.
 */
import {
  encodeFields,
  fieldWriter,
  utf8Fit,
  viewOf,
  writeCString,
  type NumberWriter,
} from './fields';
import {
  ARCH_VALUES,
  CHECKPOINT_MAGIC_TAIL,
  COMM_STRING,
  ERR_TEXT_MAX,
  ERROR,
  ERROR_STRING,
  HDR_SIZE,
  HEADER,
  HEADER_ARCH,
  HEADER_VALUES,
  PIDS_BUFFER,
  PIDS_ENTRY,
  PIDS_ENTRY_SIZE,
  TAIL,
  TASK,
  TREE,
  UTS_BUFFER,
  UTS_VALUES,
  imageSize,
  indexFields,
  type RecordLayout,
} from './layout';
import type { FieldValue, ImageInput, PidsEntry, TaskRecord } from './types';

/** Per-field writers of the task record and pids entry, built from the tables. */
const W = Object.fromEntries(
  [...TASK.fields, ...PIDS_ENTRY].map((f) => [f.name, fieldWriter(f)]),
) as Record<Exclude<keyof TaskRecord, 'comm'> | keyof PidsEntry, NumberWriter>;
const COMM = indexFields(COMM_STRING.fields).comm;

type Values = Readonly<Record<string, FieldValue | bigint | undefined>>;

class Out {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = viewOf(this.bytes);
  }

  /** ckpt_write_obj: the record header, then its fields; returns the record's start. */
  record(layout: RecordLayout, len: number, values: Values): number {
    const base = this.header(layout, len);
    encodeFields(this.bytes, base, layout.fields, len, values, this.view);
    return base;
  }

  /** Just the record header; the caller fills the payload. */
  header(layout: RecordLayout, len: number): number {
    const base = this.at;
    this.view.setUint32(base, layout.type, true);
    this.view.setUint32(base + 4, len, true);
    this.at = base + len;
    return base;
  }
}

/**
 * Write a complete image: HEADER, 3 uts BUFFERs, HEADER_ARCH, TREE, the pids BUFFER, TASK +
 * comm STRING per pids entry, TAIL; 331 + 96n bytes. One TASK is written per pids entry, as
 * the kernel does; a missing task record is written as zeros (callers pass equal lengths).
 */
export function writeImage(img: ImageInput): Uint8Array {
  const n = img.pids.length;
  const out = new Out(imageSize(n));
  out.record(HEADER, HEADER.len, { ...HEADER_VALUES, uflags: img.uflags });
  for (const value of UTS_VALUES) out.record(UTS_BUFFER, UTS_BUFFER.len, { value });
  out.record(HEADER_ARCH, HEADER_ARCH.len, ARCH_VALUES);
  out.record(TREE, TREE.len, { nr_tasks: n });

  const pidsBase = out.record(PIDS_BUFFER, HDR_SIZE + PIDS_ENTRY_SIZE * n, {});
  const { bytes, view } = out;
  for (let i = 0; i < n; i++) {
    const p = img.pids[i];
    const at = pidsBase + HDR_SIZE + i * PIDS_ENTRY_SIZE;
    W.vpid(view, at, p.vpid);
    W.vppid(view, at, p.vppid);
    W.vtgid(view, at, p.vtgid);
    W.vpgid(view, at, p.vpgid);
    W.vsid(view, at, p.vsid);
  }

  // The hot loop: one TASK + STRING per task. Same tables, through per-field writers.
  for (let i = 0; i < n; i++) {
    const t = img.tasks[i];
    const at = out.header(TASK, TASK.len);
    if (t) {
      W.state(view, at, t.state);
      W.exit_state(view, at, t.exit_state);
      W.exit_code(view, at, t.exit_code);
      W.exit_signal(view, at, t.exit_signal);
      W.pdeath_signal(view, at, t.pdeath_signal);
      W.set_child_tid(view, at, t.set_child_tid);
      W.clear_child_tid(view, at, t.clear_child_tid);
    }
    const s = out.header(COMM_STRING, COMM_STRING.len);
    writeCString(bytes, s + COMM.offset, COMM.size, t?.comm ?? '');
  }
  out.record(TAIL, TAIL.len, { magic: CHECKPOINT_MAGIC_TAIL });
  return out.bytes;
}

/**
 * The image of a refused checkpoint: ERROR (len 8) then a STRING of NUL, message, NUL. The
 * kernel formats the message into a 256-byte buffer, so at most 254 bytes of it survive.
 */
export function writeErrorImage(message: string): Uint8Array {
  // vsnprintf's %s stops at a NUL, and the 256-byte buffer keeps 254 bytes of text.
  const text = message.split('\0')[0];
  const stringLen = HDR_SIZE + 1 + utf8Fit(text, ERR_TEXT_MAX) + 1;
  const out = new Out(ERROR.len + stringLen);
  out.record(ERROR, ERROR.len, {});
  out.record(ERROR_STRING, stringLen, { text });
  return out.bytes;
}
