import { describe, expect, it } from 'vitest';
import { decodeImage } from '../image/decode';
import { run } from './testing';

const TREE = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh' },
];

describe('a patch step with out', () => {
  it('makes a new image and leaves the original as it was', () => {
    const r = run({
      tree: TREE,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'patch', image: 'a', pid: 2, field: 'exit_code', value: 0x10000, out: 'a-patched' },
      ],
    });
    const original = decodeImage(r.world.images.get('a')!);
    const patched = decodeImage(r.world.images.get('a-patched')!);
    expect(original.tasks[1].exit_code).toBe(0);
    expect(patched.tasks[1].exit_code).toBe(0x10000);
    expect(r.steps.at(-1)?.fields.image).toBe('a-patched');
    expect(r.events.at(-1)?.what).toBe(
      'image "a-patched" made from "a" with exit_code of pid 2 set to 65536 (523 bytes)',
    );
  });

  it('without out patches the image in place, as before', () => {
    const r = run({
      tree: TREE,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'patch', image: 'a', pid: 2, field: 'exit_code', value: 1 },
      ],
    });
    expect([...r.world.images.keys()]).toEqual(['a']);
    expect(decodeImage(r.world.images.get('a')!).tasks[1].exit_code).toBe(1);
  });
});
