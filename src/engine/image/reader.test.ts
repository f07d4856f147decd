import { describe, expect, it } from 'vitest';
import { Cursor } from './cursor';
import { decodeImage } from './decode';
import { ImageReader } from './reader';
import { REFUSED_TEXT, THREE_TASKS } from './test-fixtures';
import { writeErrorImage, writeImage } from './writer';

const good = writeImage(THREE_TASKS);
const copy = () => good.slice();
const put32 = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer).setUint32(at, v >>> 0, true);
const put16 = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer).setUint16(at, v, true);
const errOf = (b: Uint8Array) => decodeImage(b).error;

describe('Cursor reading paths (spec 2.1)', () => {
  const rec = (type: number, len: number, extra = 0) => {
    const b = new Uint8Array(Math.max(8, len) + extra);
    put32(b, 0, type);
    put32(b, 4, len);
    return b;
  };

  it('EOF in the header is EPIPE', () => {
    const r = new Cursor(new Uint8Array(7)).readObj(1, 56);
    expect(r.ok === false && r.error.errno).toBe('EPIPE');
    expect(r.ok === false && r.error.code).toBe(-32);
  });
  it('len < 8 is EINVAL on both paths', () => {
    for (const path of ['readObj', '_readObj'] as const) {
      const r = new Cursor(rec(9999, 7, 8))[path](3, 73);
      expect(r.ok === false && r.error.errno).toBe('EINVAL');
    }
  });
  it('len other than expected is EINVAL, before the payload is read', () => {
    const r = new Cursor(rec(1, 57)).readObj(1, 56);
    expect(r.ok === false && r.error.errno).toBe('EINVAL');
  });
  it('EOF in the payload is EPIPE', () => {
    const r = new Cursor(rec(1, 56).subarray(0, 40)).readObj(1, 56);
    expect(r.ok === false && r.error.errno).toBe('EPIPE');
  });
  it('a wrong type is EINVAL, checked after the payload', () => {
    const r = new Cursor(rec(2, 56)).readObj(1, 56);
    expect(r.ok === false && r.error).toMatchObject({ errno: 'EINVAL', offset: 0 });
    const short = new Cursor(rec(2, 56).subarray(0, 20)).readObj(1, 56);
    expect(short.ok === false && short.error.errno).toBe('EPIPE');
  });
  it('an ERROR record is EIO on the _ckpt path and EINVAL (length) on ckpt_read_obj', () => {
    const e = writeErrorImage(REFUSED_TEXT);
    const a = new Cursor(e)._readObj(3, 73);
    expect(a.ok === false && a.error.errno).toBe('EIO');
    const b = new Cursor(e).readObj(1, 56);
    expect(b.ok === false && b.error.errno).toBe('EINVAL');
    // ERROR is only checked after len >= 8.
    const c = new Cursor(rec(9999, 4, 8))._readObj(3, 73);
    expect(c.ok === false && c.error.errno).toBe('EINVAL');
  });
  it('reads a good record and advances', () => {
    const c = new Cursor(rec(1, 56));
    expect(c.readObj(1, 56)).toEqual({ ok: true, value: { offset: 0, type: 1, len: 56 } });
    expect(c.offset).toBe(56);
  });
});

describe('ImageReader, step by step', () => {
  it('reads the three-task image in kernel order', () => {
    const r = new ImageReader(good);
    expect(r.readHeader()).toEqual({ ok: true, value: { uflags: 0, time: 0 } });
    expect(r.readUtsBuffers()).toEqual({ ok: true, value: ['2.6.31', '#1 SMP crviz', 'i686'] });
    expect(r.readHeaderArch().ok).toBe(true);
    const tree = r.readTree();
    expect(tree.ok && tree.value.pids).toEqual(THREE_TASKS.pids);
    for (const t of THREE_TASKS.tasks) expect(r.readTask()).toEqual({ ok: true, value: t });
    expect(r.readTail().ok).toBe(true);
    expect(r.offset).toBe(619);
  });
  it('can start at an offset (the shared stream of the restart engine)', () => {
    const r = new ImageReader(good, 531, { collect: false });
    expect(r.readTask()).toEqual({ ok: true, value: THREE_TASKS.tasks[2] });
    expect(r.records).toEqual([]);
  });
});

describe('header and record checks', () => {
  const cases: Array<[string, (b: Uint8Array) => void, string, string, number]> = [
    ['arch_id', (b) => put16(b, 16, 3), 'EINVAL', 'arch_id is 3, expected 1', 0],
    [
      'magic',
      (b) => (b[8] = 1),
      'EINVAL',
      'magic is 0x00feed0cc0a2d201, expected 0x00feed0cc0a2d200',
      0,
    ],
    ['rev', (b) => put16(b, 24, 3), 'EINVAL', 'rev is 3, expected 2', 0],
    ['major', (b) => put16(b, 18, 3), 'EINVAL', 'major is 3, expected 2', 0],
    ['minor', (b) => put16(b, 20, 4), 'EINVAL', 'minor is 4, expected 6', 0],
    ['patch', (b) => put16(b, 22, 32), 'EINVAL', 'patch is 32, expected 31', 0],
    ['uflags', (b) => (b[48] = 3), 'EINVAL', 'uflags is 0x3', 0],
    ['uflags high', (b) => (b[55] = 1), 'EINVAL', 'uflags is 0x100000000000000', 0],
    ['task_comm_len', (b) => put16(b, 32, 15), 'EINVAL', 'task_comm_len is 15, expected 16', 0],
    ['uts_machine_len', (b) => put16(b, 38, 64), 'EINVAL', 'uts_machine_len is 64, expected 65', 0],
    ['uts buffer len', (b) => put32(b, 133, 72), 'EINVAL', 'record len 72, expected 73', 129],
    ['uts buffer is ERROR', (b) => put32(b, 202, 9999), 'EIO', 'ERROR', 202],
    ['arch has_xsave', (b) => put16(b, 285, 1), 'EINVAL', 'has_xsave is 1, expected 0', 275],
    ['nr_tasks < 0', (b) => put32(b, 299, -1), 'EINVAL', 'nr_tasks is -1', 291],
    ['nr_tasks 0', (b) => put32(b, 299, 0), 'EINVAL', 'nr_tasks is 0', 291],
    [
      'nr_tasks 2^31-1',
      (b) => put32(b, 299, 0x7fffffff),
      'EINVAL',
      'record len 80, expected 51539607536',
      307,
    ],
    ['nr_tasks 4', (b) => put32(b, 299, 4), 'EINVAL', 'record len 80, expected 104', 307],
    [
      'pids len absurd and matching',
      (b) => (put32(b, 299, 100000), put32(b, 311, 8 + 24 * 100000)),
      'EPIPE',
      'payload',
      307,
    ],
    ['pids is ERROR', (b) => put32(b, 307, 9999), 'EIO', 'ERROR', 307],
    ['TREE is ERROR', (b) => put32(b, 291, 9999), 'EINVAL', 'found ERROR', 291],
    ['TASK len', (b) => put32(b, 463, 40), 'EINVAL', 'record len 40, expected 48', 459],
    ['TASK type', (b) => put32(b, 459, 4), 'EINVAL', 'found STRING', 459],
    ['comm len 23', (b) => put32(b, 511, 23), 'EINVAL', 'record len 23, expected 24', 507],
    ['comm is ERROR', (b) => put32(b, 507, 9999), 'EIO', 'ERROR', 507],
    ['TAIL magic', (b) => (b[611] = 0xff), 'EINVAL', 'bad TAIL: magic is 0x002d2a0cc0deefff', 603],
    ['TAIL len', (b) => put32(b, 607, 8), 'EINVAL', 'record len 8, expected 16', 603],
  ];
  it.each(cases)('%s', (_name, damage, errno, text, offset) => {
    const b = copy();
    damage(b);
    const e = errOf(b);
    expect(e).toMatchObject({ errno, offset });
    expect(e?.message).toContain(text);
  });

  it('truncation is EPIPE at the record that runs out', () => {
    expect(errOf(good.subarray(0, 0))).toMatchObject({ errno: 'EPIPE', offset: 0 });
    expect(errOf(good.subarray(0, 300))).toMatchObject({ errno: 'EPIPE', offset: 291 });
    expect(errOf(good.subarray(0, 610))).toMatchObject({ errno: 'EPIPE', offset: 603 });
    expect(errOf(good.subarray(0, 618))).toMatchObject({ errno: 'EPIPE', offset: 603 });
  });

  it('keeps the records read before the fault and no ok', () => {
    const b = copy();
    put32(b, 463, 40);
    const d = decodeImage(b);
    expect(d.ok).toBe(false);
    expect(d.records.map((r) => r.offset)).toEqual([0, 56, 129, 202, 275, 291, 307, 387, 435]);
    expect(d.tasks.map((t) => t.pid)).toEqual([1]);
  });

  it('forces the last byte of comm to NUL', () => {
    const b = copy();
    b.fill(0x41, 443, 459);
    const d = decodeImage(b);
    expect(d.tasks[0].comm).toBe('A'.repeat(15));
    expect(d.records[8].fields).toMatchObject({
      comm: 'A'.repeat(16),
      'comm.raw': '41'.repeat(16),
    });
  });

  it('ignores bytes after the TAIL but counts them', () => {
    const b = new Uint8Array(630);
    b.set(good);
    const d = decodeImage(b);
    expect(d.ok).toBe(true);
    expect(d.trailing).toBe(11);
  });
});

describe('a refused checkpoint image (spec 2.11)', () => {
  it('reports EINVAL at offset 0 with the message, and both records', () => {
    const d = decodeImage(writeErrorImage(REFUSED_TEXT));
    expect(d.ok).toBe(false);
    expect(d.bytes).toBe(68);
    expect(d.error).toEqual({ offset: 0, errno: 'EINVAL', message: REFUSED_TEXT });
    expect(d.records).toEqual([
      { offset: 0, type: 9999, name: 'ERROR', len: 8, fields: {} },
      { offset: 8, type: 4, name: 'STRING', len: 60, fields: { text: REFUSED_TEXT } },
    ]);
  });
  it('restart reading its HEADER fails with EINVAL (length check)', () => {
    const r = new ImageReader(writeErrorImage(REFUSED_TEXT)).readHeader();
    expect(r.ok === false && r.error.errno).toBe('EINVAL');
  });
});
