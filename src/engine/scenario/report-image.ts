/** The `tasks` count of a stored image, read straight from its bytes for the report. */
import { CKPT_HDR_HEADER, CKPT_HDR_TREE } from '../image/layout';

/**
 * Where the TREE record starts in a full image: HEADER (56) + 3 UTS BUFFERs (3 x 73) +
 * HEADER_ARCH (16). Its nr_tasks is the s32 at +8.
 */
export const TREE_RECORD_OFFSET = 56 + 3 * 73 + 16;

/**
 * nr_tasks of a full image, or 0 when the bytes are not one: an ERROR image (refused
 * checkpoint), or an image cut or corrupted before its TREE record. The report describes what
 * is stored; it does not validate it (that is `inspect`'s job), so it never fails here.
 */
export function imageTaskCount(bytes: Uint8Array): number {
  const tree = TREE_RECORD_OFFSET;
  if (bytes.length < tree + 12) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== CKPT_HDR_HEADER) return 0;
  if (view.getUint32(tree, true) !== CKPT_HDR_TREE) return 0;
  return Math.max(0, view.getInt32(tree + 8, true));
}
