import { kerror, type KError } from '../errno';
import { describeWaitStatus } from '../kernel/signals';
import type { Emit } from './emit';
import { readCommAt, readTaskFieldsAt } from './stream';
import { fail, hex } from './task-out';
import type { RestartState, TaskPart } from './types';
import { validateTaskRecord } from './validate-record';
import { countsCompletion } from './variant';
import { showComm } from '../kernel/comm';

/** restore_task_struct: read TASK + comm, validate as the seed does, apply. */
export function restoreTaskStruct(
  s: RestartState,
  p: TaskPart,
  emit: Emit,
): { broadcast: boolean } {
  const t = s.container!.tasks.get(p.pid)!;
  const read = readTaskFieldsAt(s.bytes, s.offset);
  if (!read.ok) return readFailed(p, read.error, emit);
  s.offset = read.value.offset;
  const rec = read.value.record;
  const leader = t.tgid === t.pid;
  // The seed (28/80) checks the record's fields first and reads the comm only when they pass.
  const verdict = validateTaskRecord(rec, leader);
  if (!verdict.ok) {
    return fail(
      p,
      kerror('EINVAL', `pid ${p.pid}: ${verdict.reason}`),
      emit,
      'restore_task_struct',
      'invalid record',
    );
  }
  const comm = readCommAt(s.bytes, s.offset);
  if (!comm.ok) return readFailed(p, comm.error, emit);
  s.offset = comm.value.offset;
  t.comm = comm.value.comm;
  p.restored = true;
  if (verdict.zombie) {
    t.exit_code = rec.exit_code >>> 0;
    p.zombie = true;
    emit(
      p.id,
      'restore_task_struct',
      `zombie record: exit_code ${hex(t.exit_code)} (${describeWaitStatus(t.exit_code)}), comm "${showComm(t.comm)}"; returns 1`,
      {
        pid: p.pid,
        data: { zombie: true, exit_code: t.exit_code },
      },
    );
    p.pc =
      s.variant === 'naive' || countsCompletion(s.variant)
        ? 'restore_activate_next'
        : s.variant === 'v17'
          ? 'do_exit'
          : 'ckpt_ctx_put_local';
  } else {
    t.exit_signal = rec.exit_signal | 0;
    t.pdeath_signal = rec.pdeath_signal;
    t.set_child_tid = rec.set_child_tid;
    t.clear_child_tid = rec.clear_child_tid;
    emit(
      p.id,
      'restore_task_struct',
      `live record: exit_signal ${t.exit_signal}, pdeath_signal ${t.pdeath_signal}, comm "${showComm(t.comm)}"; returns 0`,
      {
        pid: p.pid,
        data: { zombie: false },
      },
    );
    p.pc = countsCompletion(s.variant) ? 'restore_task_pgid' : 'restore_activate_next';
  }
  return { broadcast: false };
}

function readFailed(p: TaskPart, error: KError, emit: Emit): { broadcast: boolean } {
  return fail(
    p,
    { ...error, message: `pid ${p.pid}: ${error.message}` },
    emit,
    'restore_task_struct',
    'read',
  );
}
