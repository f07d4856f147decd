import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { imageSize } from './layout';
import { hex, REFUSED_TEXT, THREE_TASKS, unhex } from './test-fixtures';
import { writeErrorImage, writeImage } from './writer';

const img = writeImage(THREE_TASKS);
const at = (offset: number, len: number) => hex(img.subarray(offset, offset + len));

describe('writeImage golden bytes (spec 2.12, n = 3)', () => {
  it('is 331 + 96n bytes', () => {
    expect(img.length).toBe(619);
    expect(imageSize(3)).toBe(619);
    expect(imageSize(0)).toBe(331);
  });

  it('places every record at the hand-checked offset', () => {
    const want: Array<[number, number, number]> = [
      [0, 1, 56],
      [56, 3, 73],
      [129, 3, 73],
      [202, 3, 73],
      [275, 2, 16],
      [291, 101, 16],
      [307, 3, 80],
      [387, 102, 48],
      [435, 4, 24],
      [459, 102, 48],
      [507, 4, 24],
      [531, 102, 48],
      [579, 4, 24],
      [603, 9001, 16],
    ];
    const view = new DataView(img.buffer);
    for (const [offset, type, len] of want) {
      expect([offset, view.getUint32(offset, true), view.getUint32(offset + 4, true)]).toEqual([
        offset,
        type,
        len,
      ]);
    }
    expect(decodeImage(img).records.map((r) => [r.offset, r.type, r.len])).toEqual(want);
  });

  it('writes the HEADER field by field', () => {
    expect(at(0, 56)).toBe(
      hex(
        unhex(`
        01000000 38000000
        00d2a2c0 0cedfe00
        0100 0200 0600 1f00 0200 000000000000
        1000 4100 4100 4100
        0000000000000000
        0000000000000000`),
      ),
    );
  });

  it('writes the uts buffers NUL padded to 65 bytes', () => {
    expect(at(56, 8)).toBe('0300000049000000');
    expect(img.subarray(64, 70)).toEqual(new TextEncoder().encode('2.6.31'));
    expect(img.subarray(70, 129).every((b) => b === 0)).toBe(true);
    expect(new TextDecoder().decode(img.subarray(137, 149))).toBe('#1 SMP crviz');
    expect(new TextDecoder().decode(img.subarray(210, 214))).toBe('i686');
  });

  it('writes HEADER_ARCH zero, TREE with nr_tasks 3 and the pids array', () => {
    expect(at(275, 16)).toBe('0200000010000000' + '0'.repeat(16));
    expect(at(291, 16)).toBe('650000001000000003000000' + '00000000');
    expect(at(307, 8)).toBe('0300000050000000');
    expect(at(315, 24)).toBe('010000000000000001000000010000000100000000000000');
    expect(at(363, 24)).toBe('030000000200000003000000010000000100000000000000');
  });

  it("writes the zombie's TASK exactly as spec 2.8 shows it", () => {
    expect(at(531, 48)).toBe(
      hex(unhex('66000000 30000000 40000000 10000000 00330000 00000000' + '00'.repeat(24))),
    );
    expect(at(579, 24)).toBe(
      '0400000018000000' + hex(new TextEncoder().encode('kid')) + '00'.repeat(13),
    );
  });

  it('writes a live task with exit_signal 17 and a frozen state', () => {
    expect(at(387, 28)).toBe('660000003000000002000000000000000000000011000000' + '00000000');
  });

  it('writes the TAIL magic', () => {
    expect(at(603, 16)).toBe('2923000010000000' + '00efdec00c2a2d00');
  });

  it('writes exit_signal -1 as 0xffffffff and truncates comm to 15 bytes', () => {
    const one = writeImage({
      uflags: 1,
      pids: [{ vpid: 5, vppid: 0, vtgid: 4, vpgid: 4, vsid: 4 }],
      tasks: [{ ...THREE_TASKS.tasks[0], exit_signal: -1, comm: 'a-very-long-command-name' }],
    });
    expect(one.length).toBe(427);
    expect(hex(one.subarray(331 - 16 + 24 + 20, 331 - 16 + 24 + 24))).toBe('ffffffff');
    const d = decodeImage(one);
    expect(d.ok).toBe(true);
    expect(d.uflags).toBe(1);
    expect(d.tasks[0].exit_signal).toBe(-1);
    expect(d.tasks[0].comm).toBe('a-very-long-com');
  });

  it('keeps whole UTF-8 characters when truncating comm', () => {
    const d = decodeImage(
      writeImage({
        ...THREE_TASKS,
        tasks: THREE_TASKS.tasks.map((t) => ({ ...t, comm: 'ééééééééé' })),
      }),
    );
    expect(d.tasks[0].comm).toBe('ééééééé');
  });
});

describe('writeErrorImage (spec 2.11)', () => {
  it('writes ERROR + STRING(NUL, text, NUL): 68 bytes for the freezer refusal', () => {
    const e = writeErrorImage(REFUSED_TEXT);
    expect(REFUSED_TEXT.length).toBe(50);
    expect(e.length).toBe(68);
    expect(hex(e.subarray(0, 16))).toBe('0f27000008000000040000003c000000');
    expect(e[16]).toBe(0);
    expect(new TextDecoder().decode(e.subarray(17, 67))).toBe(REFUSED_TEXT);
    expect(e[67]).toBe(0);
  });

  it('writes an empty message as a 10-byte STRING', () => {
    expect(hex(writeErrorImage(''))).toBe('0f27000008000000' + '040000000a000000' + '0000');
  });

  it('keeps at most 254 bytes of text', () => {
    expect(writeErrorImage('x'.repeat(1000)).length).toBe(8 + 8 + 256);
  });
});

describe('a 100,000-task image', () => {
  it('has the size of 331 + 96n and reads back with the record view off', async () => {
    const { ImageReader } = await import('./reader');
    const n = 100_000;
    const pids = Array.from({ length: n }, (_, i) => ({
      vpid: i + 1,
      vppid: i,
      vtgid: i + 1,
      vpgid: 1,
      vsid: 1,
    }));
    const tasks = pids.map((_, i) => ({ ...THREE_TASKS.tasks[i % 3], comm: `t${i}` }));
    const b = writeImage({ uflags: 0, pids, tasks });
    expect(b.length).toBe(331 + 96 * n);
    const r = new ImageReader(b, 0, { collect: false });
    expect(r.readHeader().ok && r.readUtsBuffers().ok && r.readHeaderArch().ok).toBe(true);
    const tree = r.readTree();
    expect(tree.ok && tree.value.nr_tasks).toBe(n);
    let last = r.readTask();
    for (let i = 1; i < n; i++) last = r.readTask();
    expect(last).toEqual({ ok: true, value: tasks[n - 1] });
    expect(r.readTail().ok).toBe(true);
    expect(r.records).toEqual([]);
  });
});
