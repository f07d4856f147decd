/**
 * decodeImage: the whole restart read sequence over one image, in kernel order, for inspect,
 * the UI and the image edits. It stops at the first failure, with the errno the kernel would
 * return and the records read before it; `ok` means every read the restart makes succeeds.
 */
import { describeWaitStatus } from '../kernel/signals';
import { TASK_DEAD } from '../kernel/constants';
import { CKPT_HDR_ERROR, HDR_SIZE } from './layout';
import { ImageReader } from './reader';
import type { DecodedImage, DecodedTask, ImageError, PidsEntry, TaskRecord } from './types';

export function decodeImage(bytes: Uint8Array): DecodedImage {
  const r = new ImageReader(bytes);
  const out: DecodedImage = {
    ok: false,
    bytes: bytes.length,
    records: r.records,
    uflags: 0,
    pids: [],
    tasks: [],
    trailing: 0,
  };
  const failed = (e: ImageError): DecodedImage => {
    out.error = { offset: e.offset, errno: e.errno, message: e.message };
    return out;
  };

  const head = r.readHeader();
  if (!head.ok) return refused(bytes, out) ?? failed(head.error);
  out.uflags = head.value.uflags;
  const uts = r.readUtsBuffers();
  if (!uts.ok) return failed(uts.error);
  const arch = r.readHeaderArch();
  if (!arch.ok) return failed(arch.error);
  const tree = r.readTree();
  if (!tree.ok) return failed(tree.error);
  out.pids = tree.value.pids;

  // The pids BUFFER has been read whole, so the loop is bounded by the image's size.
  for (const entry of out.pids) {
    const task = r.readTask();
    if (!task.ok) return failed(task.error);
    out.tasks.push(decodedTask(entry, task.value));
  }
  const tail = r.readTail();
  if (!tail.ok) return failed(tail.error);
  out.trailing = bytes.length - r.offset;
  out.ok = true;
  return out;
}

/**
 * A refused checkpoint's image (ERROR + STRING): restart fails on its HEADER read with
 * -EINVAL (an ERROR met by ckpt_read_obj fails the length check, spec 2.1); we report that
 * errno with the checkpoint's own message, which says far more than "bad length".
 */
function refused(bytes: Uint8Array, out: DecodedImage): DecodedImage | undefined {
  if (
    bytes.length < HDR_SIZE ||
    new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) !== CKPT_HDR_ERROR
  ) {
    return undefined;
  }
  const r = new ImageReader(bytes);
  const text = r.readError();
  if (!text.ok) return undefined;
  out.records = r.records;
  out.error = { offset: 0, errno: 'EINVAL', message: text.value };
  return out;
}

export function decodedTask(entry: PidsEntry, rec: TaskRecord): DecodedTask {
  const task: DecodedTask = {
    pid: entry.vpid,
    ppid: entry.vppid,
    tgid: entry.vtgid,
    pgid: entry.vpgid,
    sid: entry.vsid,
    ...rec,
  };
  if (rec.exit_code !== 0 || rec.state === TASK_DEAD)
    task.status = describeWaitStatus(rec.exit_code);
  return task;
}
