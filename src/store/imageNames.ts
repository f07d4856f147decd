/**
 * Names for new images, never one in use: a patch of `a` makes `a-patched`, then
 * `a-patched-2`, …; an upload whose name is taken gets `-2`, `-3`, … Names stay within the
 * scenario's image names (A-Z a-z 0-9 . _ -, parse-steps.ts).
 */

/** `base` if free, else `base-2`, `base-3`, … (the first free one). */
export function freeName(base: string, inUse: Iterable<string>): string {
  const used = new Set(inUse);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The name a patch of `image` writes: a patch of a patched image is a sibling, not `-patched-patched`. */
export function patchedName(image: string, inUse: Iterable<string>): string {
  const stem = image.replace(/-patched(-\d+)?$/, '');
  return freeName(`${stem}-patched`, inUse);
}

/** An uploaded file's image name: its name without .ckpt, other characters as `_`. */
export function uploadName(fileName: string): string {
  return fileName.replace(/\.ckpt$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'upload';
}
