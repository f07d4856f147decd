import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../explore/explore';
import { CHECKPOINT_STEPS, run, scenario } from '../scenario/testing';
import type { Variant } from '../scenario/types';

/* The series after [PATCH v18 73/80]: ghosts, restore_task_pgid, completion by nr_total. */

const CR = [...CHECKPOINT_STEPS];
// A job: sh (2) leads process group 2, its child 3 is in it; 4 is in group 9, whose leader
// has exited (a ghost pgid); 5 is a zombie.
const TREE = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh', pgid: 2 },
  { pid: 3, ppid: 2, comm: 'job', pgid: 2 },
  { pid: 4, ppid: 2, comm: 'bg', pgid: 9 },
  { pid: 5, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
];

function restart(variant: Variant) {
  return run({ tree: TREE, steps: [...CR, { op: 'restart', image: 'a' }] }, variant);
}

describe('v18-73', () => {
  it('restores the pgids, with a ghost owning the dead one, and the ghost exits', () => {
    const r = restart('v18-73');
    expect(r.steps[3].ok).toBe(true);
    const c = r.world.containers.at(-1)!;
    expect(c.tasks.get(2)!.pgid).toBe(2);
    expect(c.tasks.get(3)!.pgid).toBe(2);
    expect(c.tasks.get(4)!.pgid).toBe(9);
    expect(c.tasks.has(9)).toBe(false);
    const fns = r.events.map((e) => `${e.actor} ${e.fn}`);
    expect(fns).toContain('pid:9 do_ghost_task');
    expect(fns).toContain('pid:4 restore_task_pgid');
    expect(r.steps[3].fields.ctx_refcount_end).toBe(0);
  });

  it('at the 28/80 level keeps the pgids the tasks inherited', () => {
    const r = restart('v18-28');
    const c = r.world.containers.at(-1)!;
    expect(c.tasks.get(3)!.pgid).toBe(1);
    expect(c.tasks.get(4)!.pgid).toBe(1);
  });

  it('lets a zombie activate the next task before it exits, and still completes after it', () => {
    const r = restart('v18-73');
    const ev = r.events.map((e) => `${e.actor} ${e.fn}`);
    expect(ev.indexOf('pid:5 restore_activate_next')).toBeLessThan(ev.indexOf('pid:5 do_exit'));
    const last = ev.lastIndexOf('pid:5 restore_task_done');
    expect(last).toBeGreaterThan(ev.indexOf('pid:5 exit_notify'));
    expect(ev.indexOf('coord wait_all_tasks_finish')).toBeGreaterThan(
      ev.lastIndexOf('pid:9 restore_task_done'),
    );
  });

  it('keeps the seed guarantee by counting, and keeps the xchg window', () => {
    const small = [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'bg', pgid: 9 },
      { pid: 3, ppid: 1, comm: 'z', state: 'zombie', exit_code: 256 },
    ];
    const s = scenario({ tree: small, steps: [...CR, { op: 'restart', image: 'a' }] });
    const x = exploreScenario(s, { variant: 'v18-73' });
    if ('unsupported' in x) throw new Error(x.unsupported);
    expect(x.json.complete).toBe(true);
    expect(x.json.violations.map((v) => v.invariant)).toEqual(['no-spurious-failure']);
  });
});
