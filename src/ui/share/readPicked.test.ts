import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../engine/limits';
import { guessKind, readPicked } from './readPicked';

/** A picked file of `size` bytes whose content only exists in its first bytes. */
function picked(name: string, size: number, head: Uint8Array = new Uint8Array()) {
  const reads: string[] = [];
  const file = {
    name,
    size,
    slice: (start: number, end: number) => {
      reads.push(`slice ${start}-${end}`);
      return new Blob([head.slice(start, end)]);
    },
    arrayBuffer: () => {
      reads.push('all');
      return Promise.resolve(new ArrayBuffer(0));
    },
  };
  return { file: file as unknown as Blob & { name: string }, reads };
}

describe('readPicked', () => {
  it('refuses a file over its limit from its size, without reading it', async () => {
    const { file, reads } = picked('huge.ckpt', INPUT_LIMITS.image + 1);
    const r = await readPicked(file);
    expect(r).toEqual({
      ok: false,
      message: 'huge.ckpt: too large (16,777,217 bytes): a checkpoint image may be at most 16 MiB',
    });
    expect(reads).toEqual([]);
  });

  it('reads at most the first bytes to tell a scenario from an image', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(await guessKind(picked('x', 10, png).file)).toBe('scenario');
    expect(await guessKind(picked('x', 10, new TextEncoder().encode(' {"a":1}')).file)).toBe(
      'scenario',
    );
    expect(await guessKind(picked('x', 10, new Uint8Array([1, 2, 3])).file)).toBe('image');
    const { file, reads } = picked('big', INPUT_LIMITS.scenario + 1, png);
    expect(await readPicked(file)).toMatchObject({ ok: false });
    expect(reads).toEqual(['slice 0-64']);
  });

  it('reads a file within its limit', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'a.ckpt');
    expect(await readPicked(file, 'image')).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]) });
  });
});
