import type { PartId } from '../part-id';
import type { EngineLog } from '../events';
import { cloneRun, restartCopyBytes } from '../restart/clone';
import { Dependence, footprint, type Footprint } from '../restart/footprint';
import { stepRestart, type RestartRun } from '../restart/restart';
import { toArray } from '../restart/trail';
import type { Part, RestartState } from '../restart/types';
import { preemptionProbes } from './preemption';
import { drive, TICK_STATES, type ExploreTick, type ProgressCallback } from './tick';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';

/*
 * Source-set DPOR with sleep sets (Abdulla, Aronis, Jonsson, Sagonas, "Optimal dynamic partial
 * order reduction", POPL 2014, Algorithm 1), over the dependency relation of
 * restart/footprint.ts. It explores at least one interleaving of every Mazurkiewicz trace of
 * the restart: every reachable final state, and every violation of the invariants, which are
 * all sticky (a flag, a snapshot or an append-only order once set stays set) or about final
 * states, so they do not depend on the order of independent steps.
 *
 * No state merging: merging states under DPOR loses traces unless done with care, and the
 * reduction is what makes the search small. Memory is the depth of the search (one restart copy
 * per step of the current path), not the number of states.
 */

/** One step of the current path. */
interface Ev {
  slot: number;
  fp: Footprint;
  /** Vector clock: for each participant slot, how many of its steps happen before (or are) this one. */
  vc: Int32Array;
  /** This step is the n-th (1-based) of its participant. */
  local: number;
}

interface Node {
  run: RestartRun;
  enabled: number[];
  backtrack: Set<number>;
  done: Set<number>;
  sleep: Map<number, Footprint>;
  /** The step being explored below this node. */
  current: { slot: number; fp: Footprint } | null;
  /** Invariants already violated on the path to this node. */
  violated: Set<InvariantName>;
}

/** The shortest schedule found for one invariant, and the step (0-based) at which it broke. */
export interface Counterexample {
  violation: Violation;
  schedule: number[];
  step: number;
  /** The whole path it was found on, for when the causal prefix does not replay (it should). */
  path: number[];
  /** A counterexample found by a race probe: its schedule as participant ids. */
  ids?: PartId[];
}

export interface ReducedOptions {
  maxStates: number;
  /** Stop when the copies of the restart the search holds (one per step of its path) would pass this. */
  maxBytes?: number;
  /** Run the preemption probes (preemption.ts) first; true unless turned off. */
  probes?: boolean;
  /** Called with each final state reached (tests compare reduced and full search with it). */
  onFinal?: (s: RestartState) => void;
}

export interface ReducedResult {
  states: number;
  /** Maximal schedules explored (one or more per trace). */
  schedules: number;
  complete: boolean;
  cancelled: boolean;
  found: Map<InvariantName, Counterexample>;
  /** Deepest path, in steps (the memory the search held). */
  maxDepth: number;
  /** The bound that stopped the search, if one did. */
  limit: 'states' | 'memory' | null;
}

/** Invariants about the whole final state: their counterexample is the whole schedule. */
const WHOLE_RUN: ReadonlySet<InvariantName> = new Set<InvariantName>([
  'no-deadlock',
  'no-ctx-leak',
  'error-kills-all',
]);

function partAt(s: RestartState, slot: number): Part {
  return slot === 0 ? s.coord : s.tasks[slot - 1];
}

export function exploreReduced(
  start: (log: EngineLog | null) => RestartRun,
  o: ReducedOptions & { onProgress?: ProgressCallback },
): ReducedResult {
  return drive(exploreReducedSteps(start, o), o.onProgress);
}

/**
 * The search itself, as a generator: it yields a tick every TICK_STATES states, so that the
 * worker can run it in slices between messages; answering a tick with true cancels it.
 */
export function* exploreReducedSteps(
  start: (log: EngineLog | null) => RestartRun,
  o: ReducedOptions,
): Generator<ExploreTick, ReducedResult, boolean | undefined> {
  const dep = new Dependence();
  const found = new Map<InvariantName, Counterexample>();
  const path: Ev[] = [];
  const lastOf: number[] = [];
  let states = 0;
  let schedules = 0;
  let maxDepth = 0;
  let stopped = false;
  let cancelled = false;
  let width = 1;

  const slotsOf = (k: number) => path.slice(0, k).map((e) => e.slot);

  const record = (v: Violation, schedule: number[], step: number) => {
    const best = found.get(v.invariant);
    if (!best || schedule.length < best.schedule.length)
      found.set(v.invariant, { violation: v, schedule, step, path: slotsOf(path.length) });
  };

  /** The steps of the path that happen before step d (its causal past), in path order. */
  const causalPast = (d: number): number[] => {
    const vc = path[d].vc;
    const out: number[] = [];
    for (let k = 0; k <= d; k++)
      if ((vc[path[k].slot] ?? 0) >= path[k].local) out.push(path[k].slot);
    return out;
  };

  const newNode = (
    run: RestartRun,
    sleep: Map<number, Footprint>,
    violated: Set<InvariantName>,
  ): Node | null => {
    const s = run.s;
    const enabled = s.finished ? [] : s.runqueue.slots();
    if (enabled.length === 0) {
      schedules++;
      o.onFinal?.(s);
      const d = path.length - 1;
      for (const v of [...stateViolations(s), ...endViolations(s)])
        if (!violated.has(v.invariant) || WHOLE_RUN.has(v.invariant))
          record(v, slotsOf(path.length), d);
      return null;
    }
    const first = enabled.find((x) => !sleep.has(x));
    if (first === undefined) return null; // sleep-set blocked: an equivalent path was explored
    return {
      run,
      enabled,
      backtrack: new Set([first]),
      done: new Set(),
      sleep,
      current: null,
      violated,
    };
  };

  /** Adds to node j's backtrack set an initial of the steps that must move before path[j]. */
  const reverse = (j: number, d: number) => {
    const node = stack[j];
    const pj = path[j];
    // v: the steps after j that do not happen after it, then step d.
    const v: number[] = [];
    for (let k = j + 1; k < d; k++) if ((path[k].vc[pj.slot] ?? 0) < pj.local) v.push(k);
    v.push(d);
    const initials: number[] = [];
    const seen = new Set<number>();
    for (let a = 0; a < v.length; a++) {
      const k = v[a];
      const q = path[k].slot;
      if (seen.has(q)) continue;
      seen.add(q);
      let initial = true;
      for (let b = 0; b < a && initial; b++) {
        const m = path[v[b]];
        if ((path[k].vc[m.slot] ?? 0) >= m.local) initial = false;
      }
      if (initial) initials.push(q);
    }
    // A race the other way round must be possible: when step d is the first of its participant
    // in v, that participant must be able to run at node j already (j's step may be what woke
    // it). Later steps of a participant with earlier ones in v are kept (over-approximation).
    const p = path[d].slot;
    if (v.every((k) => k === d || path[k].slot !== p) && !node.enabled.includes(p)) return;
    if (initials.some((q) => node.backtrack.has(q))) return;
    const q = initials.find((x) => node.enabled.includes(x));
    if (q !== undefined) node.backtrack.add(q);
    probe(j, v, d);
  };

  /*
   * Race probes: depth first, a backtrack point near the root is reached only after everything
   * below it, so on a large tree a violation that needs an early race reversed can take long to
   * come up. The first time each race (the same two steps of the same two participants) is
   * seen, its reversal is run at once to the end (v, then fifo) and checked. This only adds
   * counterexamples (each replays); what the search covers is unchanged.
   */
  const probed = new Set<string>();
  const probe = (j: number, v: number[], d: number) => {
    const pj = path[j];
    const key = `${pj.slot}.${pj.local}<${path[d].slot}.${path[d].local}`;
    if (probed.has(key)) return;
    probed.add(key);
    const run = cloneRun(stack[j].run);
    const had = new Set(stack[j].violated);
    let step = j - 1;
    const check = () => {
      step++;
      for (const x of stateViolations(run.s)) {
        if (had.has(x.invariant)) continue;
        had.add(x.invariant);
        if (WHOLE_RUN.has(x.invariant)) continue;
        recordIds(x, toArray(run.s.taken), step);
      }
    };
    for (const k of v) {
      if (!run.s.runqueue.has(path[k].slot)) return;
      stepRestart(run, partAt(run.s, path[k].slot).id);
      check();
    }
    while (!run.s.finished && run.s.runqueue.size > 0) {
      stepRestart(run);
      check();
    }
    const ids = toArray(run.s.taken);
    for (const x of [...stateViolations(run.s), ...endViolations(run.s)])
      if (WHOLE_RUN.has(x.invariant)) recordIds(x, ids, ids.length - 1);
  };

  const recordIds = (v: Violation, ids: PartId[], step: number) => {
    const best = found.get(v.invariant);
    const schedule = ids.slice(0, WHOLE_RUN.has(v.invariant) ? ids.length : step + 1);
    if (!best || schedule.length < best.schedule.length)
      found.set(v.invariant, {
        violation: v,
        schedule: schedule.map(() => -1),
        step,
        path: [],
        ids: schedule,
      });
  };

  // The preemption probes run in lockstep with the search, between its ticks, until they are
  // done or the search ends (complete, it has found every violated invariant itself).
  let probes =
    o.probes === false
      ? null
      : preemptionProbes(
          start,
          (f) => recordIds(f.violation, f.ids, f.step),
          (v, length) => {
            const best = found.get(v.invariant);
            return !best || length < best.schedule.length;
          },
          () => states,
        );

  const stack: Node[] = [];
  const first = start(null);
  let limit: 'states' | 'memory' | null = null;
  const maxBytes = o.maxBytes ?? Infinity;
  const copyBytes = restartCopyBytes(first.s);
  const root = newNode(first, new Map(), new Set());
  if (root) stack.push(root);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.current) {
      // Back from below: the step just explored sleeps from now on at this node.
      node.sleep.set(node.current.slot, node.current.fp);
      node.current = null;
    }
    let p = -1;
    for (const x of node.backtrack)
      if (!node.done.has(x) && !node.sleep.has(x)) {
        p = x;
        break;
      }
    if (p < 0 || stopped) {
      stack.pop();
      const e = path.pop();
      if (e) lastOf[e.slot] = e.local > 1 ? findPrev(path, e.slot) : -1;
      continue;
    }
    if (states >= o.maxStates || stack.length * copyBytes > maxBytes) {
      limit = states >= o.maxStates ? 'states' : 'memory';
      stopped = true;
      continue;
    }
    node.done.add(p);
    const fp = footprint(node.run.s, partAt(node.run.s, p));
    node.current = { slot: p, fp };
    const child = cloneRun(node.run);
    stepRestart(child, partAt(child.s, p).id);
    states++;
    if (states % TICK_STATES === 0) {
      // About equal work: a state of the search costs a pass over the path (its races), a
      // probe step does not; a tick of probes per 4 steps of depth.
      for (let t = Math.ceil(path.length / 4); probes && t > 0; t--)
        if (probes.next(false).done) probes = null;
      if ((yield { states, depth: path.length, violated: [...found.keys()] }) === true) {
        stopped = true;
        cancelled = true;
      }
    }

    // The new step's vector clock and its races with earlier steps.
    const d = path.length;
    width = Math.max(width, child.s.tasks.length + 1, p + 1);
    const prev = lastOf[p] ?? -1;
    const vc = new Int32Array(width);
    if (prev >= 0) vc.set(path[prev].vc.subarray(0, Math.min(width, path[prev].vc.length)));
    const local = (prev >= 0 ? path[prev].local : 0) + 1;
    dep.load(fp);
    for (let j = d - 1; j >= 0; j--) {
      const e = path[j];
      if (e.slot === p || !dep.conflicts(e.fp)) continue;
      if ((vc[e.slot] ?? 0) >= e.local) continue; // already happens before through another step
      path.push({ slot: p, fp, vc, local }); // reverse() reads step d
      reverse(j, d);
      path.pop();
      dep.load(fp);
      for (let q = 0; q < e.vc.length; q++) if (e.vc[q] > vc[q]) vc[q] = e.vc[q];
    }
    vc[p] = local;
    path.push({ slot: p, fp, vc, local });
    lastOf[p] = d;
    maxDepth = Math.max(maxDepth, path.length);

    const violated = new Set(node.violated);
    for (const v of stateViolations(child.s)) {
      if (violated.has(v.invariant)) continue;
      violated.add(v.invariant);
      if (!WHOLE_RUN.has(v.invariant)) {
        const schedule = causalPast(d);
        record(v, schedule, schedule.length - 1);
      }
    }
    const sleep = new Map<number, Footprint>();
    dep.load(fp);
    for (const [q, f] of node.sleep) if (!dep.conflicts(f)) sleep.set(q, f);
    const next = newNode(child, sleep, violated);
    if (next) stack.push(next);
    else {
      path.pop();
      lastOf[p] = prev;
      node.sleep.set(p, fp);
      node.current = null;
    }
  }
  return { states, schedules, complete: !stopped, cancelled, found, maxDepth, limit };
}

function findPrev(path: Ev[], slot: number): number {
  for (let k = path.length - 1; k >= 0; k--) if (path[k].slot === slot) return k;
  return -1;
}
