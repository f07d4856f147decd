import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateCapped } from './inflate';

describe('inflateCapped', () => {
  it('inflates what fits', async () => {
    const text = new TextEncoder().encode('hello '.repeat(1000));
    expect(await inflateCapped(deflateRawSync(text), 1 << 20)).toEqual(text);
  });

  it('stops a deflate bomb at the cap without inflating the rest', async () => {
    // 64 MiB of zeros in about 64 KB: inflated at once, all 64 MiB would be held in memory.
    const bomb = deflateRawSync(Buffer.alloc(64 << 20), { level: 9 });
    const zerosPerByte = (64 << 20) / bomb.length;
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 1);
    await expect(inflateCapped(bomb, 4 << 20)).rejects.toThrow(/more than 4,194,304 bytes/);
    clearInterval(timer);
    expect(zerosPerByte).toBeGreaterThan(500);
    // The cap plus a few pieces, not the 64 MiB the input stands for.
    expect(peak - before).toBeLessThan(24 << 20);
  });

  it('rejects damaged data', async () => {
    await expect(inflateCapped(new Uint8Array([0xff, 0xff, 0xff]), 1000)).rejects.toThrow();
  });
});
