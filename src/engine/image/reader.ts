/**
 * The restart side: typed reads in kernel order (restore_read_header, restore_read_tree,
 * restore_task_struct's reads, restore_read_tail). The restart engine calls them one at a time
 * as its participants take turns; decodeImage calls them all in a row.
 * Semantic checks of task records (valid_exit_code and friends) are the restart engine's job.
 */
import { kerror, type ErrnoName } from '../errno';
import { Cursor, type RawRecord } from './cursor';
import { decodeFields, readCString, readNumber, readU64Big } from './fields';
import {
  ARCH_VALUES,
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
  PIDS_BUFFER,
  PIDS_ENTRY,
  PIDS_ENTRY_SIZE,
  TAIL,
  TASK,
  TASK_COMM_LEN,
  TREE,
  UTS_BUFFER,
  UTS_LEN,
  type RecordLayout,
} from './layout';
import { HEADER_VALUES } from './writer';
import type { PidsEntry, ReadResult, RecordInfo, TaskRecord } from './types';

export interface HeaderInfo {
  uflags: number;
  time: number;
}

const hex64 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

export class ImageReader {
  readonly cursor: Cursor;
  /** Every record read successfully so far, with its decoded fields (when collecting). */
  readonly records: RecordInfo[] = [];
  private readonly collect: boolean;

  /** `collect: false` skips the record view, for callers that only want the values. */
  constructor(bytes: Uint8Array, offset = 0, opts: { collect?: boolean } = {}) {
    this.cursor = new Cursor(bytes, offset);
    this.collect = opts.collect ?? true;
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
    const num = (name: string): number => readNumber(v, at + fieldAt(HEADER, name), 'u16');
    const bad = (what: string, got: string | number, want: string | number) =>
      this.fail('EINVAL', at, `bad HEADER: ${what} is ${got}, expected ${want}`);

    // arch_id is the one field written little-endian on purpose (21/80); it is checked first.
    if (num('arch_id') !== HEADER_VALUES.arch_id) return bad('arch_id', num('arch_id'), String(HEADER_VALUES.arch_id));
    const magic = readU64Big(v, at + fieldAt(HEADER, 'magic'));
    if (magic !== CHECKPOINT_MAGIC_HEAD) return bad('magic', hex64(magic), hex64(CHECKPOINT_MAGIC_HEAD));
    for (const name of ['rev', 'major', 'minor', 'patch', 'task_comm_len', 'uts_release_len', 'uts_version_len', 'uts_machine_len']) {
      if (name === 'task_comm_len') {
        // uflags is checked before check_kernel_const (25/80).
        const uflags = readU64Big(v, at + fieldAt(HEADER, 'uflags'));
        const extra = uflags & ~BigInt(CHECKPOINT_USER_FLAGS);
        if (extra !== 0n) return bad('uflags', `0x${uflags.toString(16)}`, `only 0x${CHECKPOINT_USER_FLAGS.toString(16)} (CHECKPOINT_SUBTREE) allowed`);
      }
      const want = HEADER_VALUES[name] as number;
      if (num(name) !== want) return bad(name, num(name), want);
    }
    this.note(r.value, HEADER);
    return {
      ok: true,
      value: {
        uflags: readNumber(v, at + fieldAt(HEADER, 'uflags'), 'u64'),
        time: readNumber(v, at + fieldAt(HEADER, 'time'), 'u64'),
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
    for (const [name, want] of Object.entries(ARCH_VALUES)) {
      const got = readNumber(this.cursor.view, r.value.offset + fieldAt(HEADER_ARCH, name), 'u16');
      if (got !== want) return this.fail('EINVAL', r.value.offset, `bad HEADER_ARCH: ${name} is ${got}, expected ${want}`);
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
    const nr = readNumber(this.cursor.view, r.value.offset + fieldAt(TREE, 'nr_tasks'), 's32');
    // The kernel rejects only nr_tasks < 0; v20 and user-cr also reject 0, and so do we.
    if (nr <= 0) return this.fail('EINVAL', r.value.offset, `bad TREE: nr_tasks is ${nr}, expected at least 1`);
    this.note(r.value, TREE);

    // Checked against the bytes left before any entry is built: nr comes from the image.
    const p = this.cursor._readObj(PIDS_BUFFER.type, HDR_SIZE + PIDS_ENTRY_SIZE * nr);
    if (!p.ok) return p;
    const pids: PidsEntry[] = new Array<PidsEntry>(nr);
    const v = this.cursor.view;
    for (let i = 0; i < nr; i++) {
      const at = p.value.offset + HDR_SIZE + i * PIDS_ENTRY_SIZE;
      pids[i] = {
        vpid: readNumber(v, at + fieldAt(PIDS_ENTRY, 'vpid'), 's32'),
        vppid: readNumber(v, at + fieldAt(PIDS_ENTRY, 'vppid'), 's32'),
        vtgid: readNumber(v, at + fieldAt(PIDS_ENTRY, 'vtgid'), 's32'),
        vpgid: readNumber(v, at + fieldAt(PIDS_ENTRY, 'vpgid'), 's32'),
        vsid: readNumber(v, at + fieldAt(PIDS_ENTRY, 'vsid'), 's32'),
      };
    }
    if (this.collect) {
      const entries = pids.map((_, i) => {
        const at = p.value.offset + HDR_SIZE + i * PIDS_ENTRY_SIZE;
        return decodeFields(this.cursor.bytes, at, PIDS_ENTRY, PIDS_ENTRY_SIZE) as Record<string, number | string>;
      });
      this.records.push({ ...info(p.value, PIDS_BUFFER), fields: { nr_entries: nr, entries } });
    }
    return { ok: true, value: { nr_tasks: nr, pids } };
  }

  /** One task: TASK (ckpt_read_obj_type, exactly 48) then comm (_ckpt_read_string, 16). */
  readTask(): ReadResult<TaskRecord> {
    const r = this.cursor.readObj(TASK.type, TASK.len);
    if (!r.ok) return r;
    this.note(r.value, TASK);
    const s = this.cursor._readObj(COMM_STRING.type, COMM_STRING.len);
    if (!s.ok) return s;
    this.note(s.value, COMM_STRING);
    const v = this.cursor.view;
    const at = r.value.offset;
    const get = (name: string): number => {
      const f = field(TASK, name);
      return readNumber(v, at + f.offset, f.kind);
    };
    return {
      ok: true,
      value: {
        state: get('state'),
        exit_state: get('exit_state'),
        exit_code: get('exit_code'),
        exit_signal: get('exit_signal'),
        pdeath_signal: get('pdeath_signal'),
        set_child_tid: get('set_child_tid'),
        clear_child_tid: get('clear_child_tid'),
        // The last byte is forced to NUL, so only the first 15 bytes can count.
        comm: readCString(this.cursor.bytes, s.value.offset + HDR_SIZE, TASK_COMM_LEN - 1).text,
      },
    };
  }

  /** restore_read_tail: the coordinator's last read. */
  readTail(): ReadResult<true> {
    const r = this.cursor.readObj(TAIL.type, TAIL.len);
    if (!r.ok) return r;
    const magic = readU64Big(this.cursor.view, r.value.offset + fieldAt(TAIL, 'magic'));
    if (magic !== CHECKPOINT_MAGIC_TAIL) {
      return this.fail('EINVAL', r.value.offset, `bad TAIL: magic is ${hex64(magic)}, expected ${hex64(CHECKPOINT_MAGIC_TAIL)}`);
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
      return this.fail('EINVAL', s.value.offset, `bad error STRING: len ${s.value.len}, at least 10 expected`);
    }
    this.note(s.value, ERROR_STRING);
    const text = field(ERROR_STRING, 'text');
    return { ok: true, value: readCString(this.cursor.bytes, s.value.offset + text.offset, s.value.len - text.offset).text };
  }

  private note(r: RawRecord, layout: RecordLayout): void {
    if (!this.collect) return;
    this.records.push({ ...info(r, layout), fields: decodeFields(this.cursor.bytes, r.offset, layout.fields, r.len) });
  }

  private fail(errno: ErrnoName, offset: number, message: string): ReadResult<never> {
    return { ok: false, error: { ...kerror(errno, message), offset } };
  }
}

function info(r: RawRecord, layout: RecordLayout): Omit<RecordInfo, 'fields'> {
  return { offset: r.offset, type: r.type, name: layout.name, len: r.len };
}

function field(layout: RecordLayout | readonly RecordLayout['fields'][number][], name: string) {
  const fields = 'fields' in layout ? layout.fields : layout;
  const f = fields.find((x) => x.name === name);
  // The names used in this file are all in the tables; the test suite reads every one.
  return f ?? { name, offset: 0, size: 0, kind: 'pad' as const };
}

function fieldAt(layout: RecordLayout | readonly RecordLayout['fields'][number][], name: string): number {
  return field(layout, name).offset;
}
