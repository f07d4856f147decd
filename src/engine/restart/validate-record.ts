import { EXIT_ZOMBIE, TASK_DEAD, validSignal } from '../kernel/constants';
import type { TaskRecord } from '../image/types';
import { validExitCode } from '../image/validate';

export type RecordVerdict = { ok: true; zombie: boolean } | { ok: false; reason: string };

/** The seed's restore_task_struct checks, in its order (linux-cr.md 1.3). */
export function validateTaskRecord(rec: Omit<TaskRecord, 'comm'>, leader: boolean): RecordVerdict {
  const u = (n: number) => n >>> 0;
  if (u(rec.state) === TASK_DEAD) {
    if (u(rec.exit_state) !== EXIT_ZOMBIE) {
      return {
        ok: false,
        reason: `zombie record with exit_state ${u(rec.exit_state)}, not EXIT_ZOMBIE (16)`,
      };
    }
    if (!validExitCode(rec.exit_code)) {
      return {
        ok: false,
        reason: `exit_code 0x${u(rec.exit_code).toString(16)} fails valid_exit_code`,
      };
    }
    return { ok: true, zombie: true };
  }
  if (u(rec.exit_code) !== 0) {
    return {
      ok: false,
      reason: `live record with exit_code 0x${u(rec.exit_code).toString(16)} (must be 0)`,
    };
  }
  if (leader && !validSignal(rec.exit_signal)) {
    return { ok: false, reason: `leader with invalid exit_signal ${rec.exit_signal | 0}` };
  }
  if (!leader && u(rec.exit_signal) !== 0xffffffff) {
    return { ok: false, reason: `thread with exit_signal ${rec.exit_signal | 0}, not -1` };
  }
  if (!validSignal(rec.pdeath_signal)) {
    return { ok: false, reason: `invalid pdeath_signal ${u(rec.pdeath_signal)}` };
  }
  return { ok: true, zombie: false };
}
