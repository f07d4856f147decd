import type { SessionRecording } from '../engine/session-types';

type Images = Record<string, Uint8Array>;

/** Per recording, the images after each count of versions shown (the same object each time). */
const memo = new WeakMap<SessionRecording, Map<number, Images>>();

/**
 * The session's images as they are at frame `cursor`: each name with the bytes of its last
 * version at or before the cursor, so a step shows the image it had, not the one a later patch
 * left. A name not written yet has its first version (the panel says "written later"). The same
 * object for every cursor between two versions, so a selector of it stays put while stepping.
 */
export function imagesAt(rec: SessionRecording, cursor: number): Images {
  const versions = rec.imageVersions;
  let shown = 0;
  while (shown < versions.length && versions[shown].frame <= cursor) shown++;
  let byCount = memo.get(rec);
  if (!byCount) {
    byCount = new Map();
    memo.set(rec, byCount);
  }
  const hit = byCount.get(shown);
  if (hit) return hit;
  const out: Images = {};
  versions.forEach((v, i) => {
    if (i < shown || !(v.name in out)) out[v.name] = v.bytes;
  });
  // Images the versions do not list (a recording made without them) are as the run left them.
  for (const name of Object.keys(rec.images)) out[name] ??= rec.images[name];
  byCount.set(shown, out);
  return out;
}
