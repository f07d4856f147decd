import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/parse';
import { TREE_1_2_3 } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { imagesAt } from './imagesAt';

function recording() {
  const parsed = parseScenario(
    JSON.stringify({
      format: 'crviz-scenario/1',
      name: 'patched-in-place',
      tree: TREE_1_2_3,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'patch', image: 'a', pid: 3, field: 'exit_code', value: 65536 },
      ],
    }),
    'patched-in-place.json',
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return runSession(parsed.scenario);
}

describe('imagesAt', () => {
  const rec = recording();
  const checkpointed = rec.stepStarts[2] - 1;
  const end = rec.frames.length - 1;

  it('shows the bytes the checkpoint wrote at its step, and the patched ones after the patch', () => {
    expect(rec.imageVersions.map((v) => [v.name, v.frame])).toEqual([
      ['a', checkpointed],
      ['a', end],
    ]);
    const [written, patched] = rec.imageVersions;
    expect(imagesAt(rec, checkpointed).a).toBe(written.bytes);
    expect(imagesAt(rec, end).a).toBe(patched.bytes);
    expect(patched.bytes).toBe(rec.images.a);
    expect(written.bytes).not.toEqual(patched.bytes);
  });

  it('gives an image not written yet its first version, and the same object while nothing changes', () => {
    expect(imagesAt(rec, -1).a).toBe(rec.imageVersions[0].bytes);
    expect(imagesAt(rec, checkpointed)).toBe(imagesAt(rec, end - 1));
    expect(imagesAt(rec, end)).not.toBe(imagesAt(rec, checkpointed));
  });
});
