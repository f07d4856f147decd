/**
 * The checkpoint side: the byte stream sys_checkpoint writes (spec 2.3), or the ERROR + STRING
 * of a refused checkpoint (spec 2.11). One preallocated buffer, fields placed by the layout
 * tables; the buffer starts zeroed, which is also what the kernel's kzalloc'd headers give
 * every padding byte and every field a zombie does not save.
 */
import { encodeFields, utf8Fit, viewOf } from './fields';
import {
  ARCH_VALUES,
  CHECKPOINT_MAGIC_HEAD,
  CHECKPOINT_MAGIC_TAIL,
  CHECKPOINT_TIME,
  CHECKPOINT_VERSION,
  CKPT_ARCH_X86_32,
  COMM_STRING,
  ERR_TEXT_MAX,
  ERROR,
  ERROR_STRING,
  HDR_SIZE,
  HEADER,
  HEADER_ARCH,
  KERNEL_CONSTS,
  KERNEL_VERSION,
  PIDS_BUFFER,
  PIDS_ENTRY,
  PIDS_ENTRY_SIZE,
  TAIL,
  TASK,
  TREE,
  UTS_BUFFER,
  UTS_VALUES,
  imageSize,
  type RecordLayout,
} from './layout';
import type { FieldValue, ImageInput } from './types';

type Values = Readonly<Record<string, FieldValue | bigint | undefined>>;

/** The values of the fixed records, shared with the re-encoder of the tests and the reader. */
export const HEADER_VALUES: Values = {
  magic: CHECKPOINT_MAGIC_HEAD,
  arch_id: CKPT_ARCH_X86_32,
  ...KERNEL_VERSION,
  rev: CHECKPOINT_VERSION,
  ...KERNEL_CONSTS,
  time: CHECKPOINT_TIME,
};

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
    const base = this.at;
    this.view.setUint32(base, layout.type, true);
    this.view.setUint32(base + 4, len, true);
    encodeFields(this.bytes, base, layout.fields, len, values, this.view);
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
  for (let i = 0; i < n; i++) {
    const entry = img.pids[i] as unknown as Values;
    encodeFields(
      out.bytes,
      pidsBase + HDR_SIZE + i * PIDS_ENTRY_SIZE,
      PIDS_ENTRY,
      PIDS_ENTRY_SIZE,
      entry,
      out.view,
    );
  }

  for (let i = 0; i < n; i++) {
    const task = img.tasks[i];
    out.record(TASK, TASK.len, (task ?? {}) as unknown as Values);
    // comm is written through the layout's string field (15 bytes of whole characters + NUL).
    out.record(COMM_STRING, COMM_STRING.len, { comm: task?.comm ?? '' });
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
