/** fast-check generators shared by the image property tests. */
import fc from 'fast-check';
import type { ImageInput } from './types';

const s32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u64 = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const comm = fc
  .string({ unit: 'grapheme', maxLength: 15 })
  .filter((s) => !s.includes('\0') && new TextEncoder().encode(s).length <= 15);

export const imageInput: fc.Arbitrary<ImageInput> = fc
  .array(
    fc.record({
      pid: fc.record({ vpid: s32, vppid: s32, vtgid: s32, vpgid: s32, vsid: s32 }),
      task: fc.record({
        state: u32,
        exit_state: u32,
        exit_code: u32,
        exit_signal: s32,
        pdeath_signal: u32,
        set_child_tid: u64,
        clear_child_tid: u64,
        comm,
      }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((rows) =>
    fc.constantFrom(0, 1).map((uflags) => ({
      uflags,
      pids: rows.map((r) => r.pid),
      tasks: rows.map((r) => r.task),
    })),
  );
