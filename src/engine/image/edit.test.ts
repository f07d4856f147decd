import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { corruptImage, patchImage, truncateImage } from './edit';
import { hex, REFUSED_TEXT, THREE_TASKS } from './test-fixtures';
import { writeErrorImage, writeImage } from './writer';

const good = writeImage(THREE_TASKS);
const pristine = good.slice();
const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('patchImage', () => {
  it('patches task record fields of the pid, as u32 / s32', () => {
    const b = value(patchImage(good, 3, 'exit_code', 0x8b));
    expect(decodeImage(b).tasks[2].exit_code).toBe(0x8b);
    expect(hex(b.subarray(547, 551))).toBe('8b000000');
    const c = value(patchImage(good, 2, 'exit_signal', -1));
    expect(hex(c.subarray(479, 483))).toBe('ffffffff');
    expect(decodeImage(c).tasks[1].exit_signal).toBe(-1);
    const s = value(patchImage(good, 1, 'state', '0x40'));
    expect(decodeImage(s).tasks[0].state).toBe(64);
    expect(decodeImage(value(patchImage(good, 1, 'exit_state', 16))).tasks[0].exit_state).toBe(16);
    expect(decodeImage(value(patchImage(good, 1, 'pdeath_signal', 9))).tasks[0].pdeath_signal).toBe(
      9,
    );
  });

  it('patches pids entries', () => {
    const b = value(patchImage(good, 3, 'vppid', 7));
    expect(decodeImage(b).pids[2]).toEqual({ vpid: 3, vppid: 7, vtgid: 3, vpgid: 1, vsid: 1 });
    for (const f of ['vtgid', 'vpgid', 'vsid'] as const) {
      expect(decodeImage(value(patchImage(good, 2, f, -5))).pids[1][f]).toBe(-5);
    }
  });

  it('patches comm, truncated to 15 bytes', () => {
    const b = value(patchImage(good, 2, 'comm', 'a-much-longer-name'));
    expect(decodeImage(b).tasks[1].comm).toBe('a-much-longer-n');
    expect(decodeImage(value(patchImage(b, 2, 'comm', 'x'))).tasks[1].comm).toBe('x');
  });

  it('refuses unknown pids, invalid images and bad values', () => {
    expect(patchImage(good, 9, 'state', 0)).toMatchObject({
      ok: false,
      error: { errno: 'ESRCH', code: -3 },
    });
    expect(patchImage(writeErrorImage(REFUSED_TEXT), 3, 'state', 0)).toMatchObject({
      ok: false,
      error: { errno: 'EINVAL' },
    });
    expect(patchImage(good.subarray(0, 600), 3, 'state', 0)).toMatchObject({
      ok: false,
      error: { errno: 'EINVAL' },
    });
    expect(patchImage(good, 3, 'state', 2 ** 32)).toMatchObject({
      ok: false,
      error: { errno: 'EINVAL' },
    });
    expect(patchImage(good, 3, 'state', 'zombie')).toMatchObject({
      ok: false,
      error: { errno: 'EINVAL' },
    });
    expect(patchImage(good, 3, 'comm', 5)).toMatchObject({ ok: false, error: { errno: 'EINVAL' } });
    expect(patchImage(good, 3, 'nope' as 'state', 5)).toMatchObject({
      ok: false,
      error: { errno: 'EINVAL' },
    });
  });
});

describe('corruptImage and truncateImage', () => {
  it('overwrites bytes in place of a copy', () => {
    const b = value(corruptImage(good, 603, 'de ad'));
    expect(hex(b.subarray(603, 606))).toBe('dead00');
    expect(b.length).toBe(619);
    expect(decodeImage(b).error).toMatchObject({ offset: 603, errno: 'EINVAL' });
  });
  it('refuses bad hex and writes beyond the end', () => {
    for (const [off, h] of [
      [0, 'xyz'],
      [0, 'abc'],
      [0, ''],
      [618, 'aabb'],
      [-1, 'aa'],
      [1.5, 'aa'],
    ] as const) {
      expect(corruptImage(good, off, h)).toMatchObject({ ok: false, error: { errno: 'EINVAL' } });
    }
    expect(value(corruptImage(good, 618, 'ff'))[618]).toBe(0xff);
  });
  it('truncates within 0..size', () => {
    expect(value(truncateImage(good, 100)).length).toBe(100);
    expect(value(truncateImage(good, 0)).length).toBe(0);
    expect(value(truncateImage(good, 619)).length).toBe(619);
    expect(truncateImage(good, 620)).toMatchObject({ ok: false, error: { errno: 'EINVAL' } });
    expect(truncateImage(good, -1)).toMatchObject({ ok: false, error: { errno: 'EINVAL' } });
  });
  it('never modifies the input', () => {
    expect(good).toEqual(pristine);
  });
});
