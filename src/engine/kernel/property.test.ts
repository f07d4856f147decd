import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KResult } from '../errno';
import type { World } from './types';
import { fork, thread } from './fork';
import { exit, threadExit } from './exit-ops';
import { kill } from './kill';
import { release, wait } from './wait';
import { ignoreSigchld, pdeathsig } from './prctl';
import { ptraceAttach, ptraceDetach } from './ptrace';
import { freeze, leaveFreezer, thaw } from './freezer';
import { defaultAction } from './signals';
import { currentContainer } from './world';
import { dump, worldOf, type Entry } from './testing';

const pid = fc.integer({ min: 1, max: 12 });
const sig = fc.constantFrom(0, 1, 2, 6, 9, 10, 11, 15, 17, 18, 19, 20, 28, 40, 64, 65, -1);

type Op = { name: string; run: (w: World) => KResult<unknown>; toString?: () => string };

const named = (o: Op): Op => ({ ...o, toString: () => o.name });

const op: fc.Arbitrary<Op> = fc
  .oneof(
    fc
      .record({
        p: pid,
        child: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
        cp: fc.boolean(),
      })
      .map(({ p, child, cp }) => ({
        name: `fork ${p} ${child} ${cp}`,
        run: (w: World) => fork(w, { pid: p, child, clone_parent: cp }),
      })),
    pid.map((p) => ({ name: `thread ${p}`, run: (w: World) => thread(w, { pid: p }) })),
    fc.record({ p: pid, s: fc.constantFrom(0, 1, 51, 255, 256) }).map(({ p, s }) => ({
      name: `exit ${p} ${s}`,
      run: (w: World) => exit(w, { pid: p, status: s }),
    })),
    pid.map((p) => ({ name: `thread_exit ${p}`, run: (w: World) => threadExit(w, { pid: p }) })),
    fc.record({ p: pid, s: sig, core: fc.boolean() }).map(({ p, s, core }) => ({
      name: `kill ${p} ${s} ${core}`,
      run: (w: World) => kill(w, { pid: p, signal: s, core }),
    })),
    fc
      .record({ p: pid, c: fc.option(pid, { nil: undefined }), u: fc.boolean(), h: fc.boolean() })
      .map(({ p, c, u, h }) => ({
        name: `wait ${p} ${c} ${u} ${h}`,
        run: (w: World) => wait(w, { pid: p, child: c, untraced: u, hold: h }),
      })),
    pid.map((p) => ({ name: `release ${p}`, run: (w: World) => release(w, { pid: p }) })),
    fc.record({ p: pid, i: fc.boolean() }).map(({ p, i }) => ({
      name: `ignore_sigchld ${p} ${i}`,
      run: (w: World) => ignoreSigchld(w, { pid: p, ignore: i }),
    })),
    fc.record({ p: pid, s: sig }).map(({ p, s }) => ({
      name: `pdeathsig ${p} ${s}`,
      run: (w: World) => pdeathsig(w, { pid: p, signal: s }),
    })),
    fc.record({ a: pid, b: pid }).map(({ a, b }) => ({
      name: `ptrace ${a} ${b}`,
      run: (w: World) => ptraceAttach(w, { tracer: a, tracee: b }),
    })),
    pid.map((p) => ({
      name: `ptrace_detach ${p}`,
      run: (w: World) => ptraceDetach(w, { tracee: p }),
    })),
    fc.constant({ name: 'freeze', run: (w: World) => freeze(w) }),
    fc.constant({ name: 'thaw', run: (w: World) => thaw(w) }),
    pid.map((p) => ({
      name: `leave_freezer ${p}`,
      run: (w: World) => leaveFreezer(w, { pid: p }),
    })),
  )
  .map(named);

function checkTree(w: World): void {
  const c = currentContainer(w);
  if (!c) return;
  const seen = new Set<number>();
  const place = (p: number) => {
    expect(c.tasks.has(p), `listed pid ${p} exists`).toBe(true);
    expect(seen.has(p), `pid ${p} listed once`).toBe(false);
    seen.add(p);
  };
  c.outer.forEach(place);
  for (const t of c.tasks.values()) {
    t.children.forEach(place);
    for (const ch of t.children) expect(c.tasks.get(ch)!.parent).toBe(t.pid);
    if (t.exit_state !== 0) expect(t.children, `zombie ${t.pid} has no children`).toEqual([]);
    if (t.tgid !== t.pid) {
      const leader = c.tasks.get(t.tgid);
      expect(leader, `leader of ${t.pid}`).toBeDefined();
      expect(leader!.tgid).toBe(t.tgid);
      expect(t.parent).toBe(leader!.parent);
      expect(t.exit_signal).toBe(-1);
      expect(t.exit_state, `a thread is never a zombie`).toBe(0);
    }
    if (t.ptracer) expect(c.tasks.has(t.ptracer)).toBe(true);
  }
  for (const p of c.outer) expect(c.tasks.get(p)!.parent).toBe(0);
  expect(seen.size).toBe(c.tasks.size);
}

/** The status a wait returned is the one do_exit recorded, and it decodes to a real cause. */
function checkStatus(w: World, tree: Entry[], child: number, status: number): void {
  const stopped = (status & 0xff) === 0x7f;
  if (stopped) {
    expect(defaultAction((status >> 8) & 0xff)).toBe('stop');
    return;
  }
  const exits = w.log.events.filter((e) => e.fn === 'do_exit' && e.pid === child && !e.errno);
  // A zombie from the initial tree never ran do_exit here: its status is the tree's.
  const recorded = exits.at(-1)?.data?.exit_code ?? tree.find((e) => e.pid === child)?.exit_code;
  expect(recorded).toBe(status);
  const low = status & 0x7f;
  if (low === 0) {
    expect(status).toBe(((status >> 8) & 0xff) << 8);
  } else {
    expect(status & ~0xff).toBe(0);
    expect(low).toBeLessThanOrEqual(64);
    if (status & 0x80) expect(defaultAction(low)).toBe('core');
    expect(['terminate', 'core']).toContain(defaultAction(low));
  }
}

const TREES: Entry[][] = [
  [
    { pid: 1 },
    { pid: 2, ppid: 1, sid: 2, pgid: 2 },
    { pid: 3, ppid: 2, pgid: 3 },
    { pid: 4, tgid: 3 },
    { pid: 5, ppid: 3 },
    { pid: 6, ppid: 1 },
  ],
  [
    { pid: 1 },
    { pid: 2, tgid: 1 },
    { pid: 3, ppid: 1, state: 'zombie', exit_code: 0x300 },
    { pid: 4, ppid: 1, state: 'stopped' },
  ],
  [
    { pid: 2, init: false },
    { pid: 3, ppid: 2, pgid: 3 },
    { pid: 4, tgid: 3 },
    { pid: 5, ppid: 4, state: 'stopped' },
  ],
];

describe('random operation sequences', () => {
  it('keep the tree consistent, wait statuses honest, and failed ops harmless', () => {
    fc.assert(
      fc.property(fc.nat(TREES.length - 1), fc.array(op, { maxLength: 30 }), (which, ops) => {
        const w = worldOf(TREES[which]);
        checkTree(w);
        for (const o of ops) {
          const before = dump(w);
          const n = w.log.length;
          const r = o.run(w);
          if (!r.ok) {
            expect(dump(w), `${o.name} failed but changed the world`).toEqual(before);
            expect(w.log.length).toBe(n + 1);
            expect(w.log.events[n].errno).toBe(r.error.errno);
          } else if (o.name.startsWith('wait')) {
            const v = r.value as { child: number; status: number };
            if (v.child !== 0) checkStatus(w, TREES[which], v.child, v.status);
          }
          checkTree(w);
        }
      }),
      { numRuns: Number(process.env.KRUNS ?? 200) },
    );
  }, 120_000);
});
