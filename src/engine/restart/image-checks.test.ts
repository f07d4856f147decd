import { describe, expect, it } from 'vitest';
import { patchImage } from '../image/edit';
import { THREE_TASKS } from '../image/test-fixtures';
import { writeImage } from '../image/writer';
import { checkImage } from './image-checks';

describe('checkImage', () => {
  it('accepts the records restart accepts', () => {
    const d = checkImage(writeImage(THREE_TASKS));
    expect(d.ok).toBe(true);
    expect(d.refused).toEqual([]);
  });

  it('names each record restore_task_struct would refuse, with the check that fails', () => {
    let bytes = writeImage(THREE_TASKS);
    const patch = (pid: number, field: 'exit_code' | 'exit_signal', v: number) => {
      const r = patchImage(bytes, pid, field, v);
      if (!r.ok) throw new Error(r.error.message);
      bytes = r.value;
    };
    patch(3, 'exit_code', 0x10000);
    patch(2, 'exit_signal', 99);
    expect(checkImage(bytes).refused).toEqual([
      'pid 2: leader with invalid exit_signal 99',
      'pid 3: exit_code 0x10000 fails valid_exit_code',
    ]);
  });

  it('leaves an image that does not decode to the reader', () => {
    const d = checkImage(writeImage(THREE_TASKS).subarray(0, 100));
    expect(d.ok).toBe(false);
    expect(d.refused).toBeUndefined();
  });
});
