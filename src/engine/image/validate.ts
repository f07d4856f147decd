/**
 * Pure checks on decoded task records that the restart engine runs (restore_task_struct);
 * the reader itself only checks the stream's framing.
 */
import { validSignal } from '../kernel/constants';

/**
 * valid_exit_code of 28/80 (spec 1.6). The __u32 field is passed as a C int, so the value is
 * first read as a signed 32-bit integer: a negative one slips past the `>= 0x10000` test,
 * which is a real quirk of the patch. The whole low byte is taken as a signal number, so a
 * core-dump status (0x80 set) is refused.
 */
export function validExitCode(code: number): boolean {
  const v = code | 0;
  if (v >= 0x10000) return false;
  if (v & 0xff) {
    if (v & ~0xff) return false;
    if (!validSignal(v & 0xff)) return false;
  }
  return true;
}
