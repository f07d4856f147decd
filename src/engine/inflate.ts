/**
 * deflate-raw decompression that stops at a cap. A DecompressionStream given the whole input at
 * once inflates all of it before the first read (a 1 MB link of zeros became 1.5 GB in the
 * renderer); fed in small pieces on demand, it never holds more than the cap plus one piece's
 * worth (deflate expands at most about 1,032 times, so 1 KiB of input is at most ~1 MiB out).
 */

/** Input fed per pull: bounds what one step can produce. */
const PIECE = 1024;

export class InflateLimitError extends Error {}

export async function inflateCapped(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  let at = 0;
  const source = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + PIECE));
        at += PIECE;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source
    .pipeThrough(
      new DecompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>,
    )
    .getReader();
  return collectCapped(reader, limit);
}

/** Every chunk of `reader`, joined, or InflateLimitError (the stream cancelled) past `limit`. */
export async function collectCapped(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError(`more than ${limit.toLocaleString('en')} bytes when inflated`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.byteLength;
  }
  return all;
}
