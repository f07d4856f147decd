import type { FrameList } from '../../engine/timeline/frames';

/** Events per part of the file: each part is one short string, freed once it is in the Blob. */
const PER_PART = 4096;

/**
 * The trace export's text (the frames' events as a JSON array, two-space indented) as parts of a
 * Blob, a few thousand events each: a 100,000-task restart has 1.4 million events, whose text in
 * one string (and whose objects all at once) would be hundreds of megabytes on the page.
 * Joined, the parts are exactly `JSON.stringify(events, null, 2)` and a newline.
 */
export function traceParts(frames: FrameList): string[] {
  if (frames.length === 0) return ['[]\n'];
  const parts = ['[\n'];
  for (let start = 0; start < frames.length; start += PER_PART) {
    const end = Math.min(frames.length, start + PER_PART);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      const text = `  ${JSON.stringify(frames.get(i)!.event, null, 2).replace(/\n/g, '\n  ')}`;
      lines.push(i < frames.length - 1 ? `${text},` : text);
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  parts.push(']\n');
  return parts;
}
