/**
 * The framing of a CRIU image file (checkpoint-restore/criu `criu/include/magic.h`,
 * `criu/protobuf.c` `do_pb_read_one()`, and the reader in `lib/pycriu/images/images.py`):
 * a u32 magic, IMG_COMMON or IMG_SERVICE followed by the image's own magic (images v1.1; an
 * inventory may have only its own), then entries, each a u32 little-endian size and that many
 * bytes of one protobuf message, until the end of the file. pstree.img and core-*.img have no
 * extra payload after their entries, so nothing else is needed here.
 */

export const IMG_COMMON_MAGIC = 0x54564319;
export const IMG_SERVICE_MAGIC = 0x55105940;
export const PSTREE_MAGIC = 0x50273030;
export const CORE_MAGIC = 0x55053847;
export const INVENTORY_MAGIC = 0x58313116;

export type Framed = { ok: true; entries: Uint8Array[] } | { ok: false; message: string };

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** The entries' message bytes (views into `bytes`, nothing copied), or where the file breaks. */
export function splitImage(bytes: Uint8Array, magic: number, name: string): Framed {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4)
    return { ok: false, message: `${bytes.length} bytes, too short for a magic` };
  let at = 4;
  let found = view.getUint32(0, true);
  if (found === IMG_COMMON_MAGIC || found === IMG_SERVICE_MAGIC) {
    if (bytes.length < 8) return { ok: false, message: 'ends after the first magic' };
    found = view.getUint32(4, true);
    at = 8;
  }
  if (found !== magic) {
    return { ok: false, message: `magic ${hex(found)} is not ${name}'s ${hex(magic)}` };
  }
  const entries: Uint8Array[] = [];
  while (at < bytes.length) {
    const where = `entry ${entries.length} (offset ${at})`;
    if (bytes.length - at < 4) return { ok: false, message: `${where}: cut inside its size` };
    const size = view.getUint32(at, true);
    at += 4;
    if (size > bytes.length - at) {
      return {
        ok: false,
        message: `${where}: says ${size} bytes, only ${bytes.length - at} left (truncated?)`,
      };
    }
    entries.push(bytes.subarray(at, at + size));
    at += size;
  }
  return { ok: true, entries };
}
