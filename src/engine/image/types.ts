import type { KError } from '../errno';

/** struct ckpt_pids: one entry of the pids array, in the checkpoint root's pid namespace. */
export interface PidsEntry {
  vpid: number;
  vppid: number;
  vtgid: number;
  vpgid: number;
  vsid: number;
}

/** struct ckpt_hdr_task plus its comm STRING, as numbers (exit_signal read as an s32). */
export interface TaskRecord {
  state: number;
  exit_state: number;
  exit_code: number;
  exit_signal: number;
  pdeath_signal: number;
  set_child_tid: number;
  clear_child_tid: number;
  comm: string;
}

export interface ImageInput {
  uflags: number;
  pids: PidsEntry[];
  tasks: TaskRecord[];
}

/** A reader failure: the kernel's errno plus the offset of the record that failed. */
export interface ImageError extends KError {
  offset: number;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: ImageError };

/**
 * A decoded field value. u64 values that do not fit a safe integer are hex strings ("0x..."); a
 * string field whose bytes do not re-encode from its text also carries `<name>.raw` (hex), and
 * non-zero padding appears as a hex string, so that the record view loses no byte.
 */
export type FieldValue = number | string | Array<Record<string, number | string>>;

export interface RecordInfo {
  offset: number;
  type: number;
  name: string;
  len: number;
  fields: Record<string, FieldValue>;
}

export type DecodedTask = TaskRecord & {
  pid: number;
  ppid: number;
  tgid: number;
  pgid: number;
  sid: number;
  /** Wait status in words ("exited 51") for a task whose exit_code says something. */
  status?: string;
};

export interface DecodedImage {
  ok: boolean;
  bytes: number;
  records: RecordInfo[];
  uflags: number;
  pids: PidsEntry[];
  tasks: DecodedTask[];
  /** Bytes after the TAIL: restart never reads them, so they do not make an image invalid. */
  trailing: number;
  error?: { offset: number; errno: string; message: string };
  /**
   * Set by checkImage (restart/image-checks.ts) on an image that decodes: the task records
   * restore_task_struct would refuse, "pid N: reason"; empty when restart accepts them all.
   */
  refused?: string[];
}
