import { describe, expect, it } from 'vitest';
import { runScenario } from './runner';
import { CHECKPOINT_STEPS, scenario } from './testing';
import type { Variant } from './types';

/** A parent with a zombie child, checkpointed and restarted with the step's own variant. */
function withStepVariant(stepVariant: Variant) {
  return scenario({
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'parent' },
      { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
    ],
    steps: [...CHECKPOINT_STEPS, { op: 'restart', image: 'a', variant: stepVariant }],
  });
}

function refcountEnd(variant: Variant | undefined, stepVariant: Variant): unknown {
  const r = runScenario(withStepVariant(stepVariant), {
    variant,
    baseDir: '.',
    readFile: () => null,
  });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r.steps[3].fields.ctx_refcount_end;
}

describe("--variant and a restart step's own variant", () => {
  it("the step's variant applies when no --variant is given", () => {
    // v17 skips the zombie's local put: the ctx is left with a reference (the leak).
    expect(refcountEnd(undefined, 'v17')).not.toBe(refcountEnd(undefined, 'v18-28'));
  });

  it("--variant overrides the step's own variant, as crviz --help and README.md say", () => {
    expect(refcountEnd('v18-28', 'v17')).toBe(refcountEnd(undefined, 'v18-28'));
    expect(refcountEnd('v17', 'v18-28')).toBe(refcountEnd(undefined, 'v17'));
  });
});
