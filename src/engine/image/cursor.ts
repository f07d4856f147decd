/**
 * A read position over an image, with the two kernel reading paths of 20/80 (spec 2.1).
 * The checks run in the kernel's order, so a damaged record fails with the errno the kernel
 * would return. Lengths are compared with the bytes that are left before anything is read,
 * so no length field can make us allocate or loop.
 */
import { kerror, type ErrnoName } from '../errno';
import { CKPT_HDR_ERROR, HDR_SIZE, typeName } from './layout';
import type { ReadResult } from './types';
import { viewOf } from './fields';

/** A record the cursor has read: its header and where its bytes are. */
export interface RawRecord {
  offset: number;
  type: number;
  len: number;
}

export class Cursor {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Where the next read starts. After a failed read the restart is over; it stays as is. */
  offset: number;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.view = viewOf(bytes);
    this.offset = offset;
  }

  get remaining(): number {
    return Math.max(0, this.bytes.length - this.offset);
  }

  /** ckpt_read_obj with an exact length (ckpt_read_obj_type, ckpt_read_buf_type). */
  readObj(type: number, len: number): ReadResult<RawRecord> {
    return this.read(type, len, len, false);
  }

  /** _ckpt_read_obj with an exact length: an ERROR record here makes the restart fail, -EIO. */
  _readObj(type: number, len: number): ReadResult<RawRecord> {
    return this.read(type, len, len, true);
  }

  /** _ckpt_read_obj with a maximum length (ckpt_read_string, ckpt_read_payload). */
  _readObjMax(type: number, max: number): ReadResult<RawRecord> {
    return this.read(type, 0, max, true);
  }

  /** Like readObj but at most `max` bytes and no ERROR check: how we read an ERROR itself. */
  readObjMax(type: number, max: number): ReadResult<RawRecord> {
    return this.read(type, 0, max, false);
  }

  /** `len` 0 means any length up to `max`, as in the kernel (len counts the header). */
  private read(type: number, len: number, max: number, errorIsEio: boolean): ReadResult<RawRecord> {
    const start = this.offset;
    if (this.remaining < HDR_SIZE) {
      return this.fail(
        type,
        'EPIPE',
        start,
        `end of image in a record header (${this.remaining} of 8 bytes)`,
      );
    }
    const hType = this.view.getUint32(start, true);
    const hLen = this.view.getUint32(start + 4, true);
    this.offset = start + HDR_SIZE;
    if (hLen < HDR_SIZE) {
      return this.fail(type, 'EINVAL', start, `record len ${hLen} is less than its 8-byte header`);
    }
    if (errorIsEio && hType === CKPT_HDR_ERROR) {
      return this.fail(type, 'EIO', start, `the image holds an ERROR record (checkpoint failed)`);
    }
    if (len !== 0 ? hLen !== len : hLen > max) {
      const rule = len !== 0 ? `expected ${len}` : `maximum ${max}`;
      return this.fail(type, 'EINVAL', start, `record len ${hLen}, ${rule}`);
    }
    const payload = hLen - HDR_SIZE;
    if (this.remaining < payload) {
      return this.fail(
        type,
        'EPIPE',
        start,
        `end of image in the payload (${this.remaining} of ${payload} bytes)`,
      );
    }
    this.offset += payload;
    if (hType !== type) {
      return this.fail(type, 'EINVAL', start, `found ${typeName(hType)} (type ${hType})`);
    }
    return { ok: true, value: { offset: start, type: hType, len: hLen } };
  }

  /** The message names the record that was expected (built only on failure). */
  private fail(type: number, errno: ErrnoName, offset: number, message: string): ReadResult<never> {
    const text = `${typeName(type)} expected: ${message}`;
    return { ok: false, error: { ...kerror(errno, text), offset } };
  }
}
