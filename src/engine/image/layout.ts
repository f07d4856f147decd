/**
 * The byte layout of every Linux-CR v18 record (x86-32 ABI, little-endian; spec/linux-cr.md 2).
 * These tables are the only description of the bytes: the writer, the reader, the record view
 * of `inspect` and the image edits all walk them, so a layout change is made in one place.
 */

export type FieldKind = 'u16' | 'u32' | 's32' | 'u64' | 'bytes' | 'string' | 'pad';

/**
 * One field of a record. `offset` counts from the start of the record (its 8-byte header
 * included), or from the start of the entry for the pids array. `size` -1 means "to the end of
 * the record" (variable-length payloads). Padding is listed too, so that a table covers every
 * byte of its record; the test suite checks that the fields tile the record exactly.
 */
export interface FieldSpec {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly kind: FieldKind;
}

export interface RecordLayout {
  readonly type: number;
  readonly name: string;
  /** Exact len (header included), or -1 for a variable-length record. */
  readonly len: number;
  readonly fields: readonly FieldSpec[];
}

// Record type numbers, v18 column of spec 2.2.
export const CKPT_HDR_HEADER = 1;
export const CKPT_HDR_HEADER_ARCH = 2;
export const CKPT_HDR_BUFFER = 3;
export const CKPT_HDR_STRING = 4;
export const CKPT_HDR_TREE = 101;
export const CKPT_HDR_TASK = 102;
export const CKPT_HDR_TAIL = 9001;
export const CKPT_HDR_ERROR = 9999;

/** struct ckpt_hdr: every record starts with it, and `len` counts these 8 bytes. */
export const HDR_SIZE = 8;
export const HDR_FIELDS: readonly FieldSpec[] = [
  { name: 'type', offset: 0, size: 4, kind: 'u32' },
  { name: 'len', offset: 4, size: 4, kind: 'u32' },
];

// Values our simulated 2.6.31 x86-32 kernel writes and expects (spec 1.1, 2.4).
export const CHECKPOINT_MAGIC_HEAD = 0x00feed0cc0a2d200n;
export const CHECKPOINT_MAGIC_TAIL = 0x002d2a0cc0deef00n;
export const CKPT_ARCH_X86_32 = 1;
export const KERNEL_VERSION = { major: 2, minor: 6, patch: 31 } as const;
export const CHECKPOINT_VERSION = 2;
export const CHECKPOINT_SUBTREE = 0x1;
/** CHECKPOINT_USER_FLAGS of 25/80: the only flag a header may carry. */
export const CHECKPOINT_USER_FLAGS = CHECKPOINT_SUBTREE;
export const KERNEL_CONSTS = {
  task_comm_len: 16,
  uts_release_len: 65,
  uts_version_len: 65,
  uts_machine_len: 65,
} as const;
/** A deterministic model has no clock: the header's time is always 0. */
export const CHECKPOINT_TIME = 0;
export const UTS_LEN = 65;
export const UTS_VALUES = ['2.6.31', '#1 SMP crviz', 'i686'] as const;
export const UTS_NAMES = ['release', 'version', 'machine'] as const;
/** Our simulated CPU: no FXSR, no XSAVE, no extended state (spec 2.5 lets us choose). */
export const ARCH_VALUES = { has_fxsr: 0, has_xsave: 0, xstate_size: 0 } as const;
export const TASK_COMM_LEN = 16;
/** The error string is built in a 256-byte buffer: NUL + at most 254 bytes + NUL. */
export const ERR_TEXT_MAX = 254;

/** The HEADER values our kernel writes and, uflags and time aside, requires on restart. */
export const HEADER_VALUES: Readonly<Record<string, number | bigint>> = {
  magic: CHECKPOINT_MAGIC_HEAD,
  arch_id: CKPT_ARCH_X86_32,
  ...KERNEL_VERSION,
  rev: CHECKPOINT_VERSION,
  ...KERNEL_CONSTS,
  time: CHECKPOINT_TIME,
};

export const HEADER: RecordLayout = {
  type: CKPT_HDR_HEADER,
  name: 'HEADER',
  len: 56,
  fields: [
    { name: 'magic', offset: 8, size: 8, kind: 'u64' },
    { name: 'arch_id', offset: 16, size: 2, kind: 'u16' },
    { name: 'major', offset: 18, size: 2, kind: 'u16' },
    { name: 'minor', offset: 20, size: 2, kind: 'u16' },
    { name: 'patch', offset: 22, size: 2, kind: 'u16' },
    { name: 'rev', offset: 24, size: 2, kind: 'u16' },
    // struct ckpt_const is aligned(8), hence the hole before it.
    { name: 'pad@26', offset: 26, size: 6, kind: 'pad' },
    { name: 'task_comm_len', offset: 32, size: 2, kind: 'u16' },
    { name: 'uts_release_len', offset: 34, size: 2, kind: 'u16' },
    { name: 'uts_version_len', offset: 36, size: 2, kind: 'u16' },
    { name: 'uts_machine_len', offset: 38, size: 2, kind: 'u16' },
    { name: 'time', offset: 40, size: 8, kind: 'u64' },
    { name: 'uflags', offset: 48, size: 8, kind: 'u64' },
  ],
};

/** One uts BUFFER (release, version, machine): 65 bytes, NUL padded. */
export const UTS_BUFFER: RecordLayout = {
  type: CKPT_HDR_BUFFER,
  name: 'BUFFER',
  len: HDR_SIZE + UTS_LEN,
  fields: [{ name: 'value', offset: 8, size: UTS_LEN, kind: 'string' }],
};

export const HEADER_ARCH: RecordLayout = {
  type: CKPT_HDR_HEADER_ARCH,
  name: 'HEADER_ARCH',
  len: 16,
  fields: [
    { name: 'has_fxsr', offset: 8, size: 2, kind: 'u16' },
    { name: 'has_xsave', offset: 10, size: 2, kind: 'u16' },
    { name: 'xstate_size', offset: 12, size: 2, kind: 'u16' },
    { name: 'pad@14', offset: 14, size: 2, kind: 'pad' },
  ],
};

export const TREE: RecordLayout = {
  type: CKPT_HDR_TREE,
  name: 'TREE',
  len: 16,
  fields: [
    { name: 'nr_tasks', offset: 8, size: 4, kind: 's32' },
    { name: 'pad@12', offset: 12, size: 4, kind: 'pad' },
  ],
};

/** The pids array: one BUFFER whose payload is nr_tasks PIDS_ENTRY structs. */
export const PIDS_BUFFER: RecordLayout = {
  type: CKPT_HDR_BUFFER,
  name: 'BUFFER',
  len: -1,
  fields: [{ name: 'entries', offset: 8, size: -1, kind: 'bytes' }],
};

/** struct ckpt_pids, aligned(8): 20 bytes of data and 4 of padding. Offsets within the entry. */
export const PIDS_ENTRY_SIZE = 24;
export const PIDS_ENTRY: readonly FieldSpec[] = [
  { name: 'vpid', offset: 0, size: 4, kind: 's32' },
  { name: 'vppid', offset: 4, size: 4, kind: 's32' },
  { name: 'vtgid', offset: 8, size: 4, kind: 's32' },
  { name: 'vpgid', offset: 12, size: 4, kind: 's32' },
  { name: 'vsid', offset: 16, size: 4, kind: 's32' },
  { name: 'pad@20', offset: 20, size: 4, kind: 'pad' },
];

export const TASK: RecordLayout = {
  type: CKPT_HDR_TASK,
  name: 'TASK',
  len: 48,
  fields: [
    { name: 'state', offset: 8, size: 4, kind: 'u32' },
    { name: 'exit_state', offset: 12, size: 4, kind: 'u32' },
    { name: 'exit_code', offset: 16, size: 4, kind: 'u32' },
    // Stored as __u32, but shown as the kernel's int: a thread's -1 reads back as -1 (spec 1.4).
    { name: 'exit_signal', offset: 20, size: 4, kind: 's32' },
    { name: 'pdeath_signal', offset: 24, size: 4, kind: 'u32' },
    // x86-32: a __u64 needs only 4-byte alignment, so no hole before it (spec 2.8).
    { name: 'set_child_tid', offset: 28, size: 8, kind: 'u64' },
    { name: 'clear_child_tid', offset: 36, size: 8, kind: 'u64' },
    { name: 'pad@44', offset: 44, size: 4, kind: 'pad' },
  ],
};

/** The comm STRING that follows each TASK: exactly TASK_COMM_LEN bytes. */
export const COMM_STRING: RecordLayout = {
  type: CKPT_HDR_STRING,
  name: 'STRING',
  len: HDR_SIZE + TASK_COMM_LEN,
  fields: [{ name: 'comm', offset: 8, size: TASK_COMM_LEN, kind: 'string' }],
};

/**
 * The STRING after an ERROR: NUL, message, NUL (spec 2.11). The leading NUL lets tools scan
 * back to the start of a message; the text is a NUL-terminated string filling the rest.
 */
export const ERROR_STRING: RecordLayout = {
  type: CKPT_HDR_STRING,
  name: 'STRING',
  len: -1,
  fields: [
    { name: 'lead', offset: 8, size: 1, kind: 'pad' },
    { name: 'text', offset: 9, size: -1, kind: 'string' },
  ],
};

export const TAIL: RecordLayout = {
  type: CKPT_HDR_TAIL,
  name: 'TAIL',
  len: 16,
  fields: [{ name: 'magic', offset: 8, size: 8, kind: 'u64' }],
};

export const ERROR: RecordLayout = {
  type: CKPT_HDR_ERROR,
  name: 'ERROR',
  len: HDR_SIZE,
  fields: [],
};

/** Fields by name, for code that reads one known field (built once, at module load). */
export function indexFields(fields: readonly FieldSpec[]): Readonly<Record<string, FieldSpec>> {
  return Object.fromEntries(fields.map((f) => [f.name, f]));
}

const TYPE_NAMES: Record<number, string> = {
  [CKPT_HDR_HEADER]: 'HEADER',
  [CKPT_HDR_HEADER_ARCH]: 'HEADER_ARCH',
  [CKPT_HDR_BUFFER]: 'BUFFER',
  [CKPT_HDR_STRING]: 'STRING',
  [CKPT_HDR_TREE]: 'TREE',
  [CKPT_HDR_TASK]: 'TASK',
  [CKPT_HDR_TAIL]: 'TAIL',
  [CKPT_HDR_ERROR]: 'ERROR',
};

/** Name of a record type number, or "type N" for one this model does not know. */
export function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `type ${type}`;
}

/** Size of an image of n tasks (spec 2.12): 331 + 96n. */
export function imageSize(nrTasks: number): number {
  const fixed = HEADER.len + 3 * UTS_BUFFER.len + HEADER_ARCH.len + TREE.len + HDR_SIZE + TAIL.len;
  return fixed + nrTasks * (PIDS_ENTRY_SIZE + TASK.len + COMM_STRING.len);
}
