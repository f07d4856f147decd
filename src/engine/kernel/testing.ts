/** Helpers for the kernel's tests: small trees without going through the scenario parser. */
import type { TreeEntry } from '../scenario/types';
import type { Container, Task, World } from './types';
import { buildContainer } from './build';
import { createWorld, currentContainer } from './world';

export type Entry = Partial<TreeEntry> & { pid: number; ppid?: number };

/** Defaults as the scenario parser fills them in (CONTRACTS 2.1). */
export function entries(list: Entry[]): TreeEntry[] {
  const out: TreeEntry[] = [];
  const by = new Map<number, TreeEntry>();
  for (const e of list) {
    const tgid = e.tgid ?? e.pid;
    const leader = tgid !== e.pid ? by.get(tgid) : undefined;
    const ppid = leader ? leader.ppid : (e.ppid ?? 0);
    const from = leader ?? by.get(ppid);
    const t: TreeEntry = {
      pid: e.pid,
      ppid,
      tgid,
      comm: e.comm ?? from?.comm ?? 'init',
      state: e.state ?? 'running',
      exit_code: e.exit_code ?? 0,
      exit_signal: e.exit_signal ?? (leader ? -1 : 17),
      pdeath_signal: e.pdeath_signal ?? 0,
      pgid: e.pgid ?? from?.pgid ?? e.pid,
      sid: e.sid ?? from?.sid ?? e.pid,
      init: e.init ?? (ppid === 0 && !leader && e.pid === 1),
    };
    by.set(t.pid, t);
    out.push(t);
  }
  return out;
}

/** A world whose current container holds `list` (default: init 1 with child 2). */
export function worldOf(list: Entry[] = [{ pid: 1 }, { pid: 2, ppid: 1 }]): World {
  const w = createWorld();
  const r = buildContainer(w, entries(list));
  if (!r.ok) throw new Error(r.error.message);
  return w;
}

export function cur(w: World): Container {
  const c = currentContainer(w);
  if (!c) throw new Error('no current container');
  return c;
}

export function task(w: World, pid: number): Task {
  const t = cur(w).tasks.get(pid);
  if (!t) throw new Error(`no task ${pid}`);
  return t;
}

/** Deep, order-preserving plain copy of every container, for "nothing changed" checks. */
export function dump(w: World): unknown {
  return {
    current: w.current,
    containers: w.containers.map((c) => ({
      ...c,
      tasks: [...c.tasks.entries()].map(([k, t]) => [k, { ...t }]),
    })),
  };
}

export function fnsSince(w: World, from: number): string[] {
  return w.log.events.slice(from).map((e) => e.fn);
}
