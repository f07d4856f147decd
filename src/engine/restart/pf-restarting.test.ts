import { describe, expect, it } from 'vitest';
import { EngineLog } from '../events';
import { EXIT_ZOMBIE } from '../kernel/constants';
import { CHECKPOINT_STEPS, run } from '../scenario/testing';
import { beginRestart, stepRestart } from './restart';

/** A world holding image "a" of init -> parent -> zombie, with the original container destroyed. */
function checkpointed() {
  const r = run({
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'parent' },
      { pid: 3, ppid: 2, comm: 'zombie', state: 'zombie', exit_code: 0x300 },
    ],
    steps: [...CHECKPOINT_STEPS],
  });
  return r.world;
}

describe('PF_RESTARTING during restart', () => {
  it('keeps a restored zombie a zombie, with no SIGCHLD, even when its parent ignores SIGCHLD', () => {
    const world = checkpointed();
    const log = new EngineLog();
    const run = beginRestart(world, {
      imageName: 'a',
      bytes: world.images.get('a')!,
      variant: 'v18-28',
      log,
    });
    // Run until the zombie is about to exit_notify, then make its parent ignore SIGCHLD.
    while (run.s.byPid.get(3)?.pc !== 'exit_notify') expect(stepRestart(run).ok).toBe(true);
    run.s.container!.tasks.get(2)!.ignoreSigchld = true;
    while (!run.s.finished) expect(stepRestart(run).ok).toBe(true);
    const z = run.s.container!.tasks.get(3)!;
    expect(z.exit_state).toBe(EXIT_ZOMBIE);
    expect(z.exit_code).toBe(0x300);
    expect(run.s.sigchldFromRestarting).toBe(0);
    expect(
      world.log.events.some((e) => e.fn === 'do_notify_parent' && e.pid === 3 && e.data?.signal),
    ).toBe(false);
  });

  it('without PF_RESTARTING the same exit would be auto-reaped (the kernel path the flag mutes)', () => {
    const world = checkpointed();
    const run = beginRestart(world, {
      imageName: 'a',
      bytes: world.images.get('a')!,
      variant: 'v18-28',
      log: null,
    });
    while (run.s.byPid.get(3)?.pc !== 'exit_notify') expect(stepRestart(run).ok).toBe(true);
    const c = run.s.container!;
    c.tasks.get(2)!.ignoreSigchld = true;
    c.tasks.get(3)!.flags &= ~0x08000000;
    stepRestart(run, 'pid:3');
    expect(c.tasks.get(3)).toBeUndefined();
  });
});
