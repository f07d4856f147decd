/** Offsets and bytes as the hex dump writes them, so the record list reads the same way. */

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** An offset in the image, six hex digits like the dump's left column. */
export function hexOffset(n: number): string {
  return n.toString(16).padStart(6, '0');
}

/** A byte as the dump's ASCII column shows it: printable ASCII, else a dot. */
export function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** "4 bytes at 0001c3" */
export function bytesAt(offset: number, size: number): string {
  return `${size} byte${size === 1 ? '' : 's'} at ${hexOffset(offset)}`;
}
