/**
 * `/proc/PID/stat` and `/proc/PID/status` parsing (spec criu-and-proc.md 7.1, 7.3).
 */

export interface Stat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  numThreads: number;
  starttime: number;
  /** Field 38; undefined on a line too short to have it. */
  exitSignal?: number;
  /** Field 52 (Linux 3.5+); undefined on older kernels' shorter lines. */
  exitCode?: number;
}

/**
 * comm may contain spaces and `)`, so it ends at the LAST `)` of the line (as CRIU and
 * proc_pid_stat(5) say); the fields after it, split on spaces, are fields 3, 4, 5, ...
 */
export function parseStat(line: string): Stat | string {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return 'no "(comm)" in the line';
  const pid = Number(line.slice(0, open).trim());
  if (!Number.isSafeInteger(pid) || pid < 1) return 'field 1 (pid) is not a positive integer';
  const rest = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // field(n) is rest[n - 3]; fields 3..22 are present on every kernel crviz cares about.
  if (rest.length < 20) return `only ${rest.length + 2} fields, expected at least 22`;
  const num = (n: number): number | undefined => {
    const v = rest[n - 3];
    return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
  };
  const fields = { ppid: num(4), pgrp: num(5), session: num(6), numThreads: num(20) };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) return `field "${k}" is not an integer`;
  }
  const state = rest[0];
  if (!/^[A-Za-z]$/.test(state)) return `field 3 (state) is ${JSON.stringify(state)}, not a letter`;
  return {
    pid,
    comm: line.slice(open + 1, close),
    state,
    ppid: fields.ppid as number,
    pgrp: fields.pgrp as number,
    session: fields.session as number,
    numThreads: fields.numThreads as number,
    starttime: num(22) ?? 0,
    exitSignal: num(38),
    exitCode: rest.length >= 50 ? num(52) : undefined,
  };
}

/** `Key:\tvalue` lines of /proc/PID/status as a map. */
export function parseStatus(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  return out;
}

/** First number of a status value (`Uid:` has four; the real uid comes first). */
export function statusInt(status: Map<string, string>, key: string): number | undefined {
  const m = /^-?\d+/.exec(status.get(key) ?? '');
  return m ? Number(m[0]) : undefined;
}
