/**
 * The restart side: typed reads in kernel order (restore_read_header, restore_read_tree,
 * restore_task_struct's reads, restore_read_tail). The restart engine calls them one at a time
 * as its participants take turns; decodeImage calls them all in a row.
 * Semantic checks of task records (valid_exit_code and friends) are the restart engine's job.
 */
import { kerror, type ErrnoName } from '../errno';
import { Cursor, type RawRecord } from './cursor';
import { decodeFields, readCString, readNumber, readU64Big } from './fields';
import { quote } from '../quote';
import {
  ARCH_VALUES,
  CKPT_ARCH_X86_32,
  CHECKPOINT_MAGIC_HEAD,
  CHECKPOINT_MAGIC_TAIL,
  CHECKPOINT_USER_FLAGS,
  CKPT_HDR_ERROR,
  CKPT_HDR_STRING,
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
  TASK_COMM_LEN,
  TREE,
  UTS_BUFFER,
  UTS_LEN,
  indexFields,
  type RecordLayout,
} from './layout';
import type { PidsEntry, ReadResult, RecordInfo, TaskRecord } from './types';

export interface HeaderInfo {
  uflags: number;
  time: number;
}

const H = indexFields(HEADER.fields);
const A = indexFields(HEADER_ARCH.fields);
const T = indexFields(TASK.fields);
const P = indexFields(PIDS_ENTRY);
const TEXT = indexFields(ERROR_STRING.fields).text;
const NR_TASKS = indexFields(TREE.fields).nr_tasks;
const TAIL_MAGIC = indexFields(TAIL.fields).magic;
const KERNEL_CHECKS = ['rev', 'major', 'minor', 'patch'] as const;
const CONST_CHECKS = [
  'task_comm_len',
  'uts_release_len',
  'uts_version_len',
  'uts_machine_len',
] as const;

const hex64 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

export class ImageReader {
  readonly cursor: Cursor;
  /** Every record read successfully so far, with its decoded fields (when collecting). */
  readonly records: RecordInfo[] = [];
  private readonly collect: boolean;
  private readonly checkValues: boolean;

  /**
   * `collect: false` skips the record view, for callers that only want the values.
   * `checkValues: false` reads HEADER and HEADER_ARCH as user space does (user-cr restart.c,
   * ckpt_read_header: types and lengths only, "FIXME: skip version validation for now").
   */
  constructor(
    bytes: Uint8Array,
    offset = 0,
    opts: { collect?: boolean; checkValues?: boolean } = {},
  ) {
    this.cursor = new Cursor(bytes, offset);
    this.collect = opts.collect ?? true;
    this.checkValues = opts.checkValues ?? true;
  }

  get offset(): number {
    return this.cursor.offset;
  }

  /** HEADER via ckpt_read_obj_type, then the 20/80 + 21/80 + 25/80 checks in kernel order. */
  readHeader(): ReadResult<HeaderInfo> {
    const r = this.cursor.readObj(HEADER.type, HEADER.len);
    if (!r.ok) return r;
    const v = this.cursor.view;
    const at = r.value.offset;
    const num = (name: string): number => readNumber(v, at + H[name].offset, 'u16');
    const bad = (what: string, got: string | number, want: string | number) =>
      this.fail('EINVAL', at, `bad HEADER: ${what} is ${got}, expected ${want}`);
    const mismatch = (names: readonly string[]) => names.find((n) => num(n) !== HEADER_VALUES[n]);

    const uflags = readU64Big(v, at + H.uflags.offset);
    if (!this.checkValues) {
      this.note(r.value, HEADER);
      return {
        ok: true,
        value: { uflags: Number(uflags), time: readNumber(v, at + H.time.offset, 'u64') },
      };
    }
    // arch_id is the one field written little-endian on purpose (21/80); it is checked first.
    if (num('arch_id') !== HEADER_VALUES.arch_id)
      return bad('arch_id', num('arch_id'), CKPT_ARCH_X86_32);
    const magic = readU64Big(v, at + H.magic.offset);
    if (magic !== CHECKPOINT_MAGIC_HEAD)
      return bad('magic', hex64(magic), hex64(CHECKPOINT_MAGIC_HEAD));
    const kernel = mismatch(KERNEL_CHECKS);
    if (kernel) return bad(kernel, num(kernel), String(HEADER_VALUES[kernel]));
    if ((uflags & ~BigInt(CHECKPOINT_USER_FLAGS)) !== 0n) {
      return bad('uflags', `0x${uflags.toString(16)}`, 'no bit but CHECKPOINT_SUBTREE (0x1)');
    }
    const konst = mismatch(CONST_CHECKS); // check_kernel_const
    if (konst) return bad(konst, num(konst), String(HEADER_VALUES[konst]));
    this.note(r.value, HEADER);
    return {
      ok: true,
      value: {
        uflags: Number(uflags),
        time: readNumber(v, at + H.time.offset, 'u64'),
      },
    };
  }

  /** The uts release, version and machine: _ckpt_read_buffer, exactly 65 bytes each. */
  readUtsBuffers(): ReadResult<string[]> {
    const out: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = this.cursor._readObj(UTS_BUFFER.type, UTS_BUFFER.len);
      if (!r.ok) return r;
      this.note(r.value, UTS_BUFFER);
      // v18 does not compare them with the running kernel (a FIX comment in 20/80).
      out.push(readCString(this.cursor.bytes, r.value.offset + HDR_SIZE, UTS_LEN).text);
    }
    return { ok: true, value: out };
  }

  /** restore_read_header_arch: every value must equal our simulated CPU's. */
  readHeaderArch(): ReadResult<true> {
    const r = this.cursor.readObj(HEADER_ARCH.type, HEADER_ARCH.len);
    if (!r.ok) return r;
    for (const [name, want] of this.checkValues ? Object.entries(ARCH_VALUES) : []) {
      const got = readNumber(this.cursor.view, r.value.offset + A[name].offset, 'u16');
      if (got !== want)
        return this.fail(
          'EINVAL',
          r.value.offset,
          `bad HEADER_ARCH: ${name} is ${got}, expected ${want}`,
        );
    }
    this.note(r.value, HEADER_ARCH);
    return { ok: true, value: true };
  }

  /**
   * restore_read_tree: TREE, then the pids BUFFER of exactly nr_tasks entries.
   * Which path v18 uses here is (unconfirmed) in the spec: we read TREE with ckpt_read_obj
   * (a fixed-size struct, like HEADER and TASK) and the pids with _ckpt_read_buffer, as the
   * later code that reads them into a kmalloc'd array does.
   */
  readTree(): ReadResult<{ nr_tasks: number; pids: PidsEntry[] }> {
    const r = this.cursor.readObj(TREE.type, TREE.len);
    if (!r.ok) return r;
    const nr = readNumber(this.cursor.view, r.value.offset + NR_TASKS.offset, 's32');
    // The kernel rejects only nr_tasks < 0; v20 and user-cr also reject 0, and so do we.
    if (nr <= 0)
      return this.fail(
        'EINVAL',
        r.value.offset,
        `bad TREE: nr_tasks is ${nr}, expected at least 1`,
      );
    this.note(r.value, TREE);

    // Checked against the bytes left before any entry is built: nr comes from the image.
    const p = this.cursor._readObj(PIDS_BUFFER.type, HDR_SIZE + PIDS_ENTRY_SIZE * nr);
    if (!p.ok) return p;
    const pids: PidsEntry[] = new Array<PidsEntry>(nr);
    const v = this.cursor.view;
    for (let i = 0; i < nr; i++) {
      const at = p.value.offset + HDR_SIZE + i * PIDS_ENTRY_SIZE;
      pids[i] = {
        vpid: readNumber(v, at + P.vpid.offset, 's32'),
        vppid: readNumber(v, at + P.vppid.offset, 's32'),
        vtgid: readNumber(v, at + P.vtgid.offset, 's32'),
        vpgid: readNumber(v, at + P.vpgid.offset, 's32'),
        vsid: readNumber(v, at + P.vsid.offset, 's32'),
      };
    }
    if (this.collect) {
      const entries = pids.map((_, i) => {
        const at = p.value.offset + HDR_SIZE + i * PIDS_ENTRY_SIZE;
        return decodeFields(this.cursor.bytes, at, PIDS_ENTRY, PIDS_ENTRY_SIZE, v) as Record<
          string,
          number | string
        >;
      });
      this.records.push({ ...info(p.value, PIDS_BUFFER), fields: { nr_entries: nr, entries } });
    }
    return { ok: true, value: { nr_tasks: nr, pids } };
  }

  /** One task: TASK (ckpt_read_obj_type, exactly 48) then comm (_ckpt_read_string, 16). */
  /** TASK, then the comm STRING: what decodeImage reads for each task in a row. */
  readTask(): ReadResult<TaskRecord> {
    const fields = this.readTaskFields();
    if (!fields.ok) return fields;
    const comm = this.readComm();
    if (!comm.ok) return comm;
    return { ok: true, value: { ...fields.value, comm: comm.value } };
  }

  /** The TASK record alone: restore_task_struct validates it before it reads the comm. */
  readTaskFields(): ReadResult<Omit<TaskRecord, 'comm'>> {
    const r = this.cursor.readObj(TASK.type, TASK.len);
    if (!r.ok) return r;
    this.note(r.value, TASK);
    const v = this.cursor.view;
    const at = r.value.offset;
    // Field by field, no closure: this runs once per task of a possibly huge image.
    return {
      ok: true,
      value: {
        state: readNumber(v, at + T.state.offset, T.state.kind),
        exit_state: readNumber(v, at + T.exit_state.offset, T.exit_state.kind),
        exit_code: readNumber(v, at + T.exit_code.offset, T.exit_code.kind),
        exit_signal: readNumber(v, at + T.exit_signal.offset, T.exit_signal.kind),
        pdeath_signal: readNumber(v, at + T.pdeath_signal.offset, T.pdeath_signal.kind),
        set_child_tid: readNumber(v, at + T.set_child_tid.offset, T.set_child_tid.kind),
        clear_child_tid: readNumber(v, at + T.clear_child_tid.offset, T.clear_child_tid.kind),
      },
    };
  }

  /** The comm STRING (_ckpt_read_string into t->comm). */
  readComm(): ReadResult<string> {
    const s = this.cursor._readObj(COMM_STRING.type, COMM_STRING.len);
    if (!s.ok) return s;
    this.note(s.value, COMM_STRING);
    // The last byte is forced to NUL, so only the first 15 bytes can count.
    return {
      ok: true,
      value: readCString(this.cursor.bytes, s.value.offset + HDR_SIZE, TASK_COMM_LEN - 1).text,
    };
  }

  /** restore_read_tail: the coordinator's last read. */
  readTail(): ReadResult<true> {
    const r = this.cursor.readObj(TAIL.type, TAIL.len);
    if (!r.ok) return r;
    const magic = readU64Big(this.cursor.view, r.value.offset + TAIL_MAGIC.offset);
    if (magic !== CHECKPOINT_MAGIC_TAIL) {
      return this.fail(
        'EINVAL',
        r.value.offset,
        `bad TAIL: magic is ${hex64(magic)}, expected ${hex64(CHECKPOINT_MAGIC_TAIL)}`,
      );
    }
    this.note(r.value, TAIL);
    return { ok: true, value: true };
  }

  /**
   * A refused checkpoint's ERROR + STRING (as user-space tools read it, not a kernel path):
   * the message text. The STRING holds NUL, text, NUL, at most 256 bytes of payload.
   */
  readError(): ReadResult<string> {
    const e = this.cursor.readObj(CKPT_HDR_ERROR, ERROR.len);
    if (!e.ok) return e;
    this.note(e.value, ERROR);
    const s = this.cursor.readObjMax(CKPT_HDR_STRING, HDR_SIZE + ERR_TEXT_MAX + 2);
    if (!s.ok) return s;
    if (s.value.len < HDR_SIZE + 2) {
      return this.fail(
        'EINVAL',
        s.value.offset,
        `bad error STRING: len ${s.value.len}, at least 10 expected`,
      );
    }
    this.note(s.value, ERROR_STRING);
    const at = s.value.offset + TEXT.offset;
    const size = s.value.len - TEXT.offset;
    const text = readCString(this.cursor.bytes, at, size).text;
    if (text !== '') return { ok: true, value: text };
    // A message that starts with NUL would read as nothing: show what the payload holds.
    const payload = this.cursor.bytes.subarray(at, at + size);
    let last = payload.length - 1;
    while (last >= 0 && payload[last] === 0) last--;
    if (last < 0) return { ok: true, value: 'the checkpoint left an empty error message' };
    const raw = String.fromCharCode(...payload.subarray(0, last + 1));
    return { ok: true, value: `the error message starts with a NUL byte: ${quote(raw, 254)}` };
  }

  private note(r: RawRecord, layout: RecordLayout): void {
    if (!this.collect) return;
    const fields = decodeFields(
      this.cursor.bytes,
      r.offset,
      layout.fields,
      r.len,
      this.cursor.view,
    );
    this.records.push({ offset: r.offset, type: r.type, name: layout.name, len: r.len, fields });
  }

  private fail(errno: ErrnoName, offset: number, message: string): ReadResult<never> {
    return { ok: false, error: { ...kerror(errno, message), offset } };
  }
}

function info(r: RawRecord, layout: RecordLayout): Omit<RecordInfo, 'fields'> {
  return { offset: r.offset, type: r.type, name: layout.name, len: r.len };
}
