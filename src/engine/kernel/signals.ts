/** x86 signal numbers and their default actions (signal(7)); 32..64 are real-time signals. */

export type DefaultAction = 'terminate' | 'core' | 'stop' | 'continue' | 'ignore';

const TABLE: ReadonlyArray<readonly [number, string, DefaultAction]> = [
  [1, 'SIGHUP', 'terminate'],
  [2, 'SIGINT', 'terminate'],
  [3, 'SIGQUIT', 'core'],
  [4, 'SIGILL', 'core'],
  [5, 'SIGTRAP', 'core'],
  [6, 'SIGABRT', 'core'],
  [7, 'SIGBUS', 'core'],
  [8, 'SIGFPE', 'core'],
  [9, 'SIGKILL', 'terminate'],
  [10, 'SIGUSR1', 'terminate'],
  [11, 'SIGSEGV', 'core'],
  [12, 'SIGUSR2', 'terminate'],
  [13, 'SIGPIPE', 'terminate'],
  [14, 'SIGALRM', 'terminate'],
  [15, 'SIGTERM', 'terminate'],
  [16, 'SIGSTKFLT', 'terminate'],
  [17, 'SIGCHLD', 'ignore'],
  [18, 'SIGCONT', 'continue'],
  [19, 'SIGSTOP', 'stop'],
  [20, 'SIGTSTP', 'stop'],
  [21, 'SIGTTIN', 'stop'],
  [22, 'SIGTTOU', 'stop'],
  [23, 'SIGURG', 'ignore'],
  [24, 'SIGXCPU', 'core'],
  [25, 'SIGXFSZ', 'core'],
  [26, 'SIGVTALRM', 'terminate'],
  [27, 'SIGPROF', 'terminate'],
  [28, 'SIGWINCH', 'ignore'],
  [29, 'SIGIO', 'terminate'],
  [30, 'SIGPWR', 'terminate'],
  [31, 'SIGSYS', 'core'],
];

const ALIASES: Record<string, number> = { SIGIOT: 6, SIGPOLL: 29, SIGCLD: 17, SIGUNUSED: 31 };

/** Name of a signal number ("SIGTERM", "SIGRTMIN+3"), or "signal N" outside 1..64. */
export function signalName(sig: number): string {
  const row = TABLE.find(([n]) => n === sig);
  if (row) return row[1];
  if (sig >= 32 && sig <= 64)
    return sig === 32 || sig === 33 ? `SIG${sig}` : `SIGRTMIN+${sig - 34}`;
  return `signal ${sig}`;
}

/** Number of a signal given by name ("SIGTERM" or "TERM"), or undefined. */
export function signalNumber(name: string): number | undefined {
  const upper = name.toUpperCase();
  const full = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  const row = TABLE.find(([, n]) => n === full);
  if (row) return row[0];
  if (full in ALIASES) return ALIASES[full];
  const rt = /^SIGRTMIN(?:\+(\d+))?$/.exec(full);
  if (rt) {
    const n = 34 + Number(rt[1] ?? 0);
    return n <= 64 ? n : undefined;
  }
  const rtmax = /^SIGRTMAX(?:-(\d+))?$/.exec(full);
  if (rtmax) {
    const n = 64 - Number(rtmax[1] ?? 0);
    return n >= 34 ? n : undefined;
  }
  return undefined;
}

/** Default action of a valid signal 1..64. Real-time signals terminate. */
export function defaultAction(sig: number): DefaultAction {
  const row = TABLE.find(([n]) => n === sig);
  return row ? row[2] : 'terminate';
}

/** Every named signal 1..31, for pickers. */
export function standardSignals(): ReadonlyArray<{
  number: number;
  name: string;
  action: DefaultAction;
}> {
  return TABLE.map(([number, name, action]) => ({ number, name, action }));
}

/** Human text of a wait status: "exited 51", "killed SIGTERM", "killed SIGSEGV (core)". */
export function describeWaitStatus(status: number): string {
  const s = status >>> 0;
  const low = s & 0x7f;
  if (low === 0) return `exited ${(s >> 8) & 0xff}`;
  if (low === 0x7f) return `stopped ${signalName((s >> 8) & 0xff)}`;
  return `killed ${signalName(low)}${s & 0x80 ? ' (core)' : ''}`;
}
