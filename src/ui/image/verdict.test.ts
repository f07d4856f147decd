import { describe, expect, it } from 'vitest';
import { patchImage } from '../../engine/image/edit';
import { THREE_TASKS } from '../../engine/image/test-fixtures';
import { writeImage } from '../../engine/image/writer';
import { checkImage } from '../../engine/restart/image-checks';
import { imageVerdict } from './verdict';

describe('imageVerdict', () => {
  const bytes = writeImage(THREE_TASKS);

  it('says valid only when restart would accept the image', () => {
    expect(imageVerdict(checkImage(bytes))).toEqual({ ok: true, text: 'valid' });
  });

  it('quotes the failing record check', () => {
    const r = patchImage(bytes, 3, 'exit_code', 0x10000);
    if (!r.ok) throw new Error(r.error.message);
    expect(imageVerdict(checkImage(r.value))).toEqual({
      ok: false,
      text: 'invalid: pid 3: exit_code 0x10000 fails valid_exit_code',
    });
  });

  it('quotes the reader’s error with its offset in hex', () => {
    const v = imageVerdict(checkImage(bytes.subarray(0, 300)));
    expect(v.ok).toBe(false);
    expect(v.text).toMatch(/^invalid: E[A-Z]+ at offset 0x[0-9a-f]+: /);
  });
});
