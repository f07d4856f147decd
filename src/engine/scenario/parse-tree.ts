/** Validation and defaulting of `tree` entries (CONTRACTS 2.1). */
import type { TreeEntry } from './types';
import { asObject, bad, bool, checkKeys, int, oneOf, opt, pid, signal, str } from './parse-fields';
import { truncateComm } from '../kernel/comm';

export const TREE_KEYS = [
  'pid',
  'ppid',
  'tgid',
  'comm',
  'state',
  'exit_code',
  'exit_signal',
  'pdeath_signal',
  'pgid',
  'sid',
  'init',
] as const;

export const TREE_STATES = ['running', 'stopped', 'zombie'] as const;
const SIGCHLD = 17;

export const DEFAULT_TREE: readonly TreeEntry[] = [
  {
    pid: 1,
    ppid: 0,
    tgid: 1,
    comm: 'init',
    state: 'running',
    exit_code: 0,
    exit_signal: SIGCHLD,
    pdeath_signal: 0,
    pgid: 1,
    sid: 1,
    init: true,
  },
];

export function parseTree(raw: unknown): TreeEntry[] {
  if (!Array.isArray(raw)) bad('tree', 'must be an array of task entries');
  if (raw.length === 0) bad('tree', 'must list at least the root task');
  const out: TreeEntry[] = [];
  const byPid = new Map<number, TreeEntry>();
  raw.forEach((item, i) => {
    const e = parseEntry(item, i, byPid);
    byPid.set(e.pid, e);
    out.push(e);
  });
  return out;
}

function parseEntry(item: unknown, i: number, earlier: Map<number, TreeEntry>): TreeEntry {
  let place = `tree[${i}]`;
  const o = asObject(item, place);
  const p = pid(o, 'pid', place);
  place = `tree[${i}] (pid ${p})`;
  checkKeys(o, TREE_KEYS, place);
  if (earlier.has(p)) bad(place, `duplicate pid ${p}`);

  const tgid = opt(o, 'tgid', (o, k) => pid(o, k, place)) ?? p;
  let leader: TreeEntry | undefined;
  if (tgid !== p) {
    leader = earlier.get(tgid);
    if (!leader) bad(place, `tgid ${tgid} does not appear earlier in the list`);
    if (leader.tgid !== leader.pid) {
      bad(place, `tgid ${tgid} is itself a thread of ${leader.tgid}, not a thread-group leader`);
    }
  }

  // A thread's parent is its leader's parent, so its ppid may be left out.
  const givenPpid = opt(o, 'ppid', (o, k) => int(o, k, place, 0, 0x7fffffff));
  if (givenPpid === undefined && !leader) bad(place, 'missing required key "ppid"');
  const ppid = leader ? leader.ppid : (givenPpid as number);
  if (leader && givenPpid !== undefined && givenPpid !== leader.ppid) {
    bad(
      place,
      `ppid ${givenPpid} differs from ppid ${leader.ppid} of its thread-group leader ${tgid}`,
    );
  }

  const isRoot = !leader && ppid === 0;
  if (isRoot && earlier.size > 0)
    bad(place, 'a second root (ppid 0): the tree has exactly one root');
  if (!isRoot && earlier.size === 0) bad(place, 'the first entry must be the root (ppid 0)');
  const parent = ppid === 0 ? undefined : earlier.get(ppid);
  if (ppid !== 0 && !parent) bad(place, `ppid ${ppid} does not appear earlier in the list`);
  if (parent && parent.state === 'zombie')
    bad(place, `parent ${ppid} is a zombie, which cannot have children`);

  // Threads share the group's comm, pgid and sid with the leader; processes inherit the parent's.
  const from = leader ?? parent;
  const comm = truncateComm(opt(o, 'comm', (o, k) => str(o, k, place)) ?? from?.comm ?? 'init');
  const state = opt(o, 'state', (o, k) => oneOf(o, k, place, TREE_STATES)) ?? 'running';
  const exit_code = opt(o, 'exit_code', (o, k) => int(o, k, place, 0, 0xffffffff)) ?? 0;
  if (state !== 'zombie' && exit_code !== 0) {
    bad(place, `exit_code ${exit_code} is only allowed for a zombie (state is "${state}")`);
  }
  const exit_signal =
    opt(o, 'exit_signal', (o, k) => signal(o, k, place, -1)) ?? (leader ? -1 : 17);
  const pdeath_signal = opt(o, 'pdeath_signal', (o, k) => signal(o, k, place)) ?? 0;
  const pgid = opt(o, 'pgid', (o, k) => pid(o, k, place)) ?? from?.pgid ?? p;
  const sid = opt(o, 'sid', (o, k) => pid(o, k, place)) ?? from?.sid ?? p;
  if (leader && (pgid !== leader.pgid || sid !== leader.sid)) {
    bad(
      place,
      `a thread shares pgid and sid with its leader ${tgid} (${leader.pgid}, ${leader.sid})`,
    );
  }
  const init = opt(o, 'init', (o, k) => bool(o, k, place)) ?? (isRoot && p === 1);
  if (init && !isRoot) bad(place, '"init" is only meaningful for the root');

  return {
    pid: p,
    ppid,
    tgid,
    comm,
    state,
    exit_code,
    exit_signal,
    pdeath_signal,
    pgid,
    sid,
    init,
  };
}
