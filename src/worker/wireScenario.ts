import type { Scenario, TreeEntry } from '../engine/scenario/types';
import { TREE_KEYS, TREE_STATES } from '../engine/scenario/parse-tree';
import { PACK_MIN, packStrings, stringAt, type StringColumn } from './columns';

/**
 * A scenario as it crosses between page and worker. A 100,000-task tree is 100,000 objects,
 * which structured clone serializes and deserializes on the page's thread at about a million
 * a second each way; as columns it costs a copy. Only trees whose every entry has exactly the
 * parser's fields are packed, so nothing a parser would refuse is made valid on the way.
 */
export interface WireScenario {
  /** The scenario, its tree empty when `tree` carries it. */
  scenario: Scenario;
  tree: PackedTree | null;
}

export interface PackedTree {
  n: number;
  /** pid, ppid, tgid, exit_code, exit_signal, pdeath_signal, pgid, sid, flags per entry. */
  nums: Int32Array;
  comms: StringColumn;
}

const FIELDS = 9;

function isInt32(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

/** Exactly the parser's fields with values the columns can hold. */
function packable(e: TreeEntry): boolean {
  const keys = Object.keys(e);
  return (
    keys.length === TREE_KEYS.length &&
    keys.every((k, i) => k === TREE_KEYS[i]) &&
    isInt32(e.pid) &&
    isInt32(e.ppid) &&
    isInt32(e.tgid) &&
    isInt32(e.exit_code) &&
    isInt32(e.exit_signal) &&
    isInt32(e.pdeath_signal) &&
    isInt32(e.pgid) &&
    isInt32(e.sid) &&
    typeof e.comm === 'string' &&
    TREE_STATES.includes(e.state) &&
    typeof e.init === 'boolean'
  );
}

export function toWire(scenario: Scenario): WireScenario {
  const tree = scenario.tree;
  if (tree.length < PACK_MIN || !tree.every(packable)) return { scenario, tree: null };
  const n = tree.length;
  const nums = new Int32Array(n * FIELDS);
  tree.forEach((e, i) => {
    const o = i * FIELDS;
    nums[o] = e.pid;
    nums[o + 1] = e.ppid;
    nums[o + 2] = e.tgid;
    nums[o + 3] = e.exit_code;
    nums[o + 4] = e.exit_signal;
    nums[o + 5] = e.pdeath_signal;
    nums[o + 6] = e.pgid;
    nums[o + 7] = e.sid;
    nums[o + 8] = TREE_STATES.indexOf(e.state) | (e.init ? 4 : 0);
  });
  const comms = packStrings(tree.map((e) => e.comm));
  return { scenario: { ...scenario, tree: [] }, tree: { n, nums, comms } };
}

export function fromWire(wire: WireScenario): Scenario {
  const p = wire.tree;
  if (!p) return wire.scenario;
  const tree: TreeEntry[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const o = i * FIELDS;
    const flags = p.nums[o + 8];
    // Keys in the parser's order, so the scenario's JSON is what it was.
    tree[i] = {
      pid: p.nums[o],
      ppid: p.nums[o + 1],
      tgid: p.nums[o + 2],
      comm: stringAt(p.comms, i),
      state: TREE_STATES[flags & 3],
      exit_code: p.nums[o + 3],
      exit_signal: p.nums[o + 4],
      pdeath_signal: p.nums[o + 5],
      pgid: p.nums[o + 6],
      sid: p.nums[o + 7],
      init: (flags & 4) !== 0,
    };
  }
  return { ...wire.scenario, tree };
}
