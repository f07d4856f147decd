import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../explore/explore';
import { runScenario } from '../scenario/runner';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../scenario/testing';
import type { Step, Variant } from '../scenario/types';
import { beginRestart, stepRestart } from './restart';
import { participantView } from './view';
import { prepareRestart } from '../scenario/runner';

/* The xchg window of do_restore_task (v17 26/60, v18 as 73/80 shows it; fixed in v19-rc1). */

const TREE = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'sh' },
  ],
  steps: [...CHECKPOINT_RESTART_STEPS],
});

function explore(variant: Variant) {
  const r = exploreScenario(TREE, { variant });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r.json;
}

function withSchedule(schedule: string[], variant: Variant) {
  const steps = TREE.steps.map((s) =>
    s.op === 'restart' ? ({ ...s, schedule, variant } as Step) : s,
  );
  const r = runScenario({ ...TREE, steps }, { baseDir: '.', readFile: () => null });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r;
}

describe('the xchg window of do_restore_task', () => {
  it('is not hit under fifo: the v18-28 restart succeeds', () => {
    const r = withSchedule([], 'v18-28');
    expect(r.steps[3].ok).toBe(true);
  });

  it('is found by the explorer under v18-28 as no-spurious-failure', () => {
    const v = explore('v18-28').violations.find((x) => x.invariant === 'no-spurious-failure');
    expect(v).toBeDefined();
    expect(v!.message).toContain('xchg window');
  });

  it('replays through run to an ESRCH failure that leaves no task', () => {
    const v = explore('v18-28').violations.find((x) => x.invariant === 'no-spurious-failure')!;
    const r = withSchedule(v.schedule, 'v18-28');
    const restart = r.steps[3];
    expect(restart.ok).toBe(false);
    expect(restart.errno).toBe('ESRCH');
    const ev = r.events.map((e) => `${e.actor} ${e.fn}${e.errno ? ' ' + e.errno : ''}`);
    const failed = ev.findIndex((e) => e.endsWith('restore_activate_next ESRCH'));
    const victim = `pid:${r.events[failed].pid}`;
    // The victim took the ctx (checkpoint_ctx = NULL) before, and puts it back only after.
    expect(ev.lastIndexOf(`${victim} ckpt_ctx_get`, failed)).toBeGreaterThan(-1);
    expect(ev.indexOf(`${victim} do_restore_task`, failed)).toBeGreaterThan(failed);
    // Every task ends in sys_restart's force_sig(SIGKILL, current).
    const killed = r.events.filter((e) => e.fn === 'do_exit' && e.what.includes('force_sig'));
    expect(killed.map((e) => e.pid).sort()).toEqual([1, 2]);
    expect(r.world.containers.at(-1)!.tasks.size).toBe(0);
  });

  it('does not fail v17 (no same-ctx test) and is gone in v19', () => {
    expect(explore('v17').violations.map((v) => v.invariant)).not.toContain('no-spurious-failure');
    expect(explore('v19').violations).toEqual([]);
  });

  it("shows the task's checkpoint_ctx as NULL inside the window", () => {
    const prep = prepareRestart(TREE, { baseDir: '.', readFile: () => null });
    if ('unsupported' in prep) throw new Error(prep.unsupported);
    const run = beginRestart(prep.freshWorld(), {
      imageName: prep.image,
      bytes: prep.bytes,
      variant: 'v18-28',
      log: null,
    });
    while (run.s.coord.pc !== 'restore_activate_next') stepRestart(run, 'coord');
    const root = run.s.byPid.get(1)!;
    expect(participantView(run.s, root).checkpoint_ctx).toBe('ctx');
    stepRestart(run, 'pid:1');
    expect(participantView(run.s, root).checkpoint_ctx).toBe('NULL');
    stepRestart(run, 'pid:1');
    expect(participantView(run.s, root).checkpoint_ctx).toBe('ctx');
  });
});
