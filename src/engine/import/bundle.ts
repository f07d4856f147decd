/**
 * `crviz import`: a criu-tree/1 bundle (spec section 5), or a CRIU dump read into the same shape
 * (criu/dump.ts), as a crviz-scenario/1 with no steps. The tree rules are CRIU's own restore rules
 * (spec 5.2), so a tree that CRIU would refuse to restore is refused here with CRIU's reason.
 */
import { errorText } from '../error-text';
import { parseJson } from '../scenario/parse-json';
import { baseName } from '../scenario/parse';
import { describe, isObj, toInt, type Obj } from './bundle-json';
import { readBundle, type Bundle, type PstreeEntry } from './bundle-read';
import { resolveState } from './bundle-state';
import { criuNotes, noteText } from './criu-notes';
import { count, emitScenario } from './emit';
import { coreDumped, describeStatus } from './proc-state';
import type { ImportResult, OutEntry } from './types';

class TreeError {
  constructor(readonly message: string) {}
}

function bad(place: string, message: string): never {
  throw new TreeError(`${place}: ${message}`);
}

export function importBundle(text: string, file: string): ImportResult {
  const json = parseJson(text);
  if (!json.ok) return json;
  const read = readBundle(json.value);
  if (!read.ok) return read;
  const b = read.bundle;
  return scenarioFromBundle(b, {
    name: b.name ?? baseName(file),
    title: `CRIU tree from ${baseName(file)}`,
    what: `the criu-tree/1 bundle ${file}${b.source ? ` (source: ${b.source})` : ''}`,
    file,
  });
}

export interface BundleMeta {
  name: string;
  title: string;
  /** What was read, for the description: "the criu-tree/1 bundle x.json", "the CRIU dump d/". */
  what: string;
  /** The input's name, for messages. */
  file: string;
}

/** The tree of a bundle (from JSON or from image files) as a scenario, with every note. */
export function scenarioFromBundle(b: Bundle, meta: BundleMeta): ImportResult {
  let built: { tree: OutEntry[]; notes: string[] };
  try {
    built = buildTree(b);
  } catch (e) {
    if (e instanceof TreeError) return { ok: false, message: e.message };
    return { ok: false, message: `internal error: ${errorText(e)}` };
  }
  const zombies = built.tree.filter((e) => e.state === 'zombie').length;
  const processes = b.entries.length;
  return emitScenario(
    {
      name: meta.name,
      title: meta.title,
      summary:
        `Imported from ${meta.what}: ${count(processes, 'process', 'processes')}, ` +
        `${count(built.tree.length - processes, 'more thread')}, ${count(zombies, 'zombie')}. ` +
        `The root is a subtree root, not a container init.`,
      notes: built.notes,
      tree: built.tree,
      // What CRIU's restore changes; of the dump refusals only the ones a successful dump can
      // still show (a root that needed --shell-job) can come up here.
      moreNotes: (tree) =>
        criuNotes(tree).map((n) =>
          noteText(tree.find((t) => t.pid === n.pid) ?? { pid: n.pid, comm: '' }, n.text),
        ),
    },
    meta.file,
  );
}

function buildTree(b: Bundle): { tree: OutEntry[]; notes: string[] } {
  const tree: OutEntry[] = [];
  const notes: string[] = [];
  const seen = new Map<number, OutEntry>(); // processes and threads, by pid/tid
  let root: number | undefined;
  for (const e of b.entries) {
    if (seen.has(e.pid)) bad(e.place, `pid ${e.pid} appears twice`);
    if (e.ppid === 0) {
      if (root !== undefined) bad(e.place, `a second root (ppid 0) besides pid ${root}`);
      root = e.pid;
    } else {
      const parent = seen.get(e.ppid);
      if (!parent || parent.tgid !== undefined) {
        bad(e.place, `ppid ${e.ppid} is not an earlier process (CRIU: Can't find a parent)`);
      }
      if (parent.state === 'zombie') {
        bad(e.place, `its parent ${e.ppid} is a zombie (CRIU: Zombie with children)`);
      }
    }
    if (root === undefined) bad(e.place, 'the first entry must be the root (ppid 0)');
    const proc = processEntry(e, b, notes);
    // A dump's root is where the dump began, not a container's init (Linux-CR's whole-container
    // checkpoint), even when its pid is 1; crviz checkpoints it as a subtree.
    if (proc.ppid === 0 && proc.pid === 1) proc.init = false;
    seen.set(e.pid, proc);
    tree.push(proc);
    // A zombie's threads list is garbage in real dumps (spec 2.2: 0, or a stray value); ignored.
    if (proc.state === 'zombie') continue;
    for (const [i, raw] of e.threads.entries()) {
      const tid = toInt(raw);
      if (tid === undefined || tid < 1 || tid > 0x7fffffff) {
        bad(e.place, `threads[${i}] must be a positive integer, got ${describe(raw)}`);
      }
      if (tid === e.pid) continue;
      if (seen.has(tid)) bad(e.place, `thread ${tid} is already listed`);
      if (b.entries.some((o) => o.pid === tid)) bad(e.place, `thread ${tid} is also a process`);
      const t = threadEntry(tid, proc, b.cores.get(tid), b.corePlace(tid));
      seen.set(tid, t);
      tree.push(t);
    }
  }
  return { tree, notes };
}

function processEntry(e: PstreeEntry, b: Bundle, notes: string[]): OutEntry {
  const place = b.corePlace(e.pid);
  const core = b.cores.get(e.pid);
  if (!core) bad(e.place, `no ${place} for it`);
  const st = resolveState(core);
  if (!st.ok) bad(place, st.message);
  const tc = core.tc as Obj;
  if (typeof tc.comm !== 'string') bad(place, 'tc has no "comm" string');
  const out: OutEntry = { pid: e.pid, ppid: e.ppid, comm: tc.comm, state: st.state };
  const note = (m: string) => notes.push(noteText({ pid: e.pid, comm: tc.comm as string }, m));
  if (st.resolved) note(st.resolved);

  if (st.state === 'zombie') {
    if (e.sid === 0) bad(e.place, 'a zombie with sid 0 (CRIU refuses to dump it)');
    const code = toInt(tc.exit_code);
    if (code === undefined || code < 0 || code > 0xffffffff) {
      bad(place, `a zombie needs tc.exit_code (a wait status), got ${describe(tc.exit_code)}`);
    }
    out.exit_code = code;
    note(`zombie, ${describeStatus(code)} (wait status ${code})`);
    if (coreDumped(code)) note('core-dumped status: Linux-CR v18 refuses to restart it');
  }
  if (st.state === 'stopped') {
    const signo = toInt(tc.stop_signo);
    note(signo === undefined ? 'stopped, signal not recorded' : `stopped by signal ${signo}`);
  }
  const pdeath = pdeathSignal(core, place);
  if (pdeath) out.pdeath_signal = pdeath;
  // crviz needs real ids; 0 (leader outside the pid namespace) falls back to the parent's.
  if (e.pgid > 0) out.pgid = e.pgid;
  else note("pgid 0 (leader outside the pid namespace), parent's used");
  if (e.sid > 0) out.sid = e.sid;
  else note("sid 0 (leader outside the pid namespace), parent's used; CRIU refuses such a dump");
  return out;
}

function threadEntry(
  tid: number,
  leader: OutEntry,
  core: Obj | undefined,
  place: string,
): OutEntry {
  const out: OutEntry = { pid: tid, ppid: leader.ppid, tgid: leader.pid, state: leader.state };
  const tcore = core && isObj(core.thread_core) ? core.thread_core : undefined;
  if (typeof tcore?.comm === 'string') out.comm = tcore.comm;
  const pdeath = core ? pdeathSignal(core, place) : 0;
  if (pdeath) out.pdeath_signal = pdeath;
  return out;
}

function pdeathSignal(core: Obj, place: string): number {
  const tcore = isObj(core.thread_core) ? core.thread_core : undefined;
  if (tcore?.pdeath_sig === undefined) return 0;
  const n = toInt(tcore.pdeath_sig);
  if (n === undefined || n < 0 || n > 64) {
    bad(place, `thread_core.pdeath_sig must be a signal 0..64 (CRIU: Pdeath signal is too big)`);
  }
  return n;
}
