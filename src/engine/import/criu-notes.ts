/**
 * What CRIU would do with each task, said next to what Linux-CR does: the cases `criu dump`
 * refuses, and what CRIU 4.1.1 changes when it restores. One function for every caller: the
 * importers (`crviz import`, `crviz snapshot`, their `note:` lines) and the app (a badge on the
 * task, the explanation in the Inspector), all from the same plain task facts.
 *
 * Sources (checkpoint-restore/criu, 4.1.1 / criu-dev 2cf8f13c):
 * - dump: `collect_threads()` and `collect_task()` in criu/seize.c ("Zombies with threads are not
 *   supported", "Individually stopped threads not supported"); `compel_wait_task()` in
 *   compel/src/lib/infect.c ("Unseizable non-zombie" for a task it cannot seize, such as a traced
 *   one); `collect_pstree()` (the root must be seized, so a zombie root fails the dump);
 *   `dump_one_task()`/`check_session()` path in criu/cr-dump.c ("The root process %d is not a
 *   session leader. Consider using --shell-job").
 * - restore: `restore_one_zombie()` and `sig_fatal()` in criu/cr-restore.c: a signal is re-sent
 *   only when it is in SIG_FATAL_MASK (else SIGABRT), the core flag is never re-created, and an
 *   exit status is `exit((exit_code >> 8) & 0x7f)`, 7 bits. CRIU's image has no exit_signal (no
 *   field in core.proto), and its restore clones every task with SIGCHLD.
 * Observed with CRIU 4.1.1 on Linux 6.x (issue 15): exit 200 came back as 72, a core-dumped
 * SIGSEGV as a plain SIGSEGV, exit_signal SIGUSR1 as SIGCHLD.
 */
import { signalName } from '../kernel/signals';
import { showComm } from '../kernel/comm';

/** The facts of one task the rules need; a scenario TreeEntry and an app TaskView both fit. */
export interface CriuTaskFacts {
  pid: number;
  tgid: number;
  ppid: number;
  sid: number;
  comm: string;
  state: string;
  exit_code: number;
  exit_signal: number;
  traced?: boolean;
}

export interface CriuNote {
  pid: number;
  /** `dump`: criu dump refuses the tree; `restore`: criu restore brings the task back changed. */
  when: 'dump' | 'restore';
  /** A few words for a badge. */
  badge: string;
  /** The whole explanation, one sentence. */
  text: string;
}

const SIGCHLD = 17;
/** criu/cr-restore.c SIG_FATAL_MASK: HUP..TERM (1-15), STKFLT, XCPU..PROF, POLL/IO, PWR, SYS. */
const FATAL = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 25, 26, 27, 29, 30, 31,
]);

const sig = (n: number) => `${signalName(n)} (${n})`;

type Note = Omit<CriuNote, 'pid'>;

/**
 * What CRIU 4.1.1's restore changes about this one process (a leader): its own facts suffice,
 * so the tree view can ask for every card without looking at the rest of the tree.
 */
export function criuRestoreNotes(t: CriuTaskFacts): Note[] {
  const out: Note[] = [];
  if (t.tgid !== t.pid) return out;
  if (t.state === 'zombie') zombieNotes(t, (n) => out.push(n));
  if (t.exit_signal !== SIGCHLD) {
    const now = t.exit_signal > 0 ? sig(t.exit_signal) : 'no signal';
    out.push({
      when: 'restore',
      badge: 'CRIU: SIGCHLD',
      text: `CRIU 4.1.1 restores it with exit signal SIGCHLD, not ${now}: CRIU's image does not keep the exit signal`,
    });
  }
  return out;
}

function zombieNotes(t: CriuTaskFacts, add: (n: Note) => void): void {
  const code = t.exit_code >>> 0;
  const signo = code & 0x7f;
  if (signo === 0) {
    const status = (code >> 8) & 0xff;
    if (status > 127) {
      add({
        when: 'restore',
        badge: `CRIU: exits ${status & 0x7f}`,
        text: `CRIU 4.1.1 restores it as exited ${status & 0x7f}, not ${status}: restore_one_zombie() exits with 7 bits of the status`,
      });
    }
    return;
  }
  if (!FATAL.has(signo)) {
    add({
      when: 'restore',
      badge: 'CRIU: SIGABRT',
      text: `CRIU 4.1.1 restores it as killed by SIGABRT, not ${sig(signo)}: only signals in SIG_FATAL_MASK are sent again`,
    });
  } else if (code & 0x80) {
    add({
      when: 'restore',
      badge: 'CRIU: core flag lost',
      text: `CRIU 4.1.1 restores it as killed by ${sig(signo)} without the core-dump flag: only the signal is sent again`,
    });
  }
}

/** Every note for every task of a tree (leaders and threads together, any order). */
export function criuNotes(tasks: readonly CriuTaskFacts[]): CriuNote[] {
  const pids = new Set(tasks.map((t) => t.pid));
  const threadsOf = new Map<number, CriuTaskFacts[]>();
  for (const t of tasks) {
    if (t.tgid === t.pid) continue;
    const list = threadsOf.get(t.tgid) ?? [];
    list.push(t);
    threadsOf.set(t.tgid, list);
  }
  const out: CriuNote[] = [];
  for (const t of tasks) {
    if (t.tgid !== t.pid) continue; // notes belong to the process, told on its leader
    const add = (n: Note) => out.push({ pid: t.pid, ...n });
    const isRoot = !pids.has(t.ppid);
    const threads = threadsOf.get(t.pid) ?? [];
    const gone = (s: string) => s === 'zombie' || s === 'dead';
    const liveThreads = threads.filter((x) => !gone(x.state)).length;
    if (t.state === 'zombie' && liveThreads > 0) {
      add({
        when: 'dump',
        badge: 'CRIU refuses',
        text: `criu dump refuses it: "Zombies with threads are not supported" (the leader exited, ${liveThreads} thread${liveThreads === 1 ? '' : 's'} still run)`,
      });
    }
    if (t.traced || threads.some((x) => x.traced)) {
      add({
        when: 'dump',
        badge: 'CRIU refuses',
        text: 'criu dump refuses it: "Unseizable non-zombie": a traced task cannot be seized by CRIU',
      });
    }
    const states = new Set([t.state, ...threads.map((x) => x.state)].filter((s) => !gone(s)));
    if (states.has('stopped') && states.size > 1) {
      add({
        when: 'dump',
        badge: 'CRIU refuses',
        text: 'criu dump refuses it: "Individually stopped threads not supported"',
      });
    }
    if (isRoot && gone(t.state)) {
      add({
        when: 'dump',
        badge: 'CRIU refuses',
        text: 'criu dump refuses a zombie as the root of the dump: it cannot be seized, so the dump fails',
      });
    }
    if (isRoot && t.sid !== t.pid) {
      add({
        when: 'dump',
        badge: 'CRIU: --shell-job',
        text: `criu dump refuses it without --shell-job: "The root process ${t.pid} is not a session leader"`,
      });
    }
    for (const n of criuRestoreNotes(t)) add(n);
  }
  return out;
}

/** `pid 3 (worker)`, with a comm's raw bytes shown as `\xNN`. */
export function taskLabel(t: { pid: number; comm: string }): string {
  return `pid ${t.pid} (${showComm(t.comm)})`;
}

/** `pid 3 (worker): text`, the form of every importer note. */
export function noteText(t: { pid: number; comm: string }, text: string): string {
  return `${taskLabel(t)}: ${text}`;
}
