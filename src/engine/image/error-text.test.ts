import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { writeErrorImage } from './writer';

/** A refused checkpoint's image whose message is `text` with its first byte set to `first`. */
function errorImage(text: string, first: number): Uint8Array {
  const bytes = writeErrorImage(text);
  const at = bytes.indexOf(text.charCodeAt(0), 16);
  bytes[at] = first;
  return bytes;
}

describe('the message of a refused checkpoint', () => {
  it('is shown even when it starts with a NUL byte', () => {
    const d = decodeImage(errorImage('xhidden text', 0));
    expect(d.error?.message).toBe('the error message starts with a NUL byte: "\\u0000hidden text"');
  });

  it('says so when it is empty', () => {
    expect(decodeImage(writeErrorImage('')).error?.message).toBe(
      'the checkpoint left an empty error message',
    );
  });

  it('keeps an ordinary message as it is', () => {
    expect(decodeImage(writeErrorImage('pid 3 busy')).error?.message).toBe('pid 3 busy');
  });
});
