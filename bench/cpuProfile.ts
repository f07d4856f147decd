/**
 * The costliest functions inside a page's long tasks (a diagnostic for the benches, not part of
 * npm run bench): runs `what` under Chromium's CPU profiler and a trace of the renderer's main
 * thread, then reports each top-level task over 50 ms with the functions inside it by inclusive
 * time, and the whole run's self times. BENCH_NO_MINIFY=1 keeps the function names readable.
 */
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

export interface LongTaskProfile {
  /** The main thread's tasks over 50 ms, in ms. */
  longTasks: number[];
  /** Per long task, the functions inside it by inclusive ms, costliest first. */
  inside: [string, number][][];
  /** Self ms per function over the whole run, costliest first. */
  self: [string, number][];
  /** Garbage collections on the main thread: count, total and longest ms. */
  gc: { count: number; ms: number; longestMs: number };
}

/** Top-level tasks over 50 ms of the renderer's main thread, as [start, end] in µs. */
function mainLongTasks(events: TraceEvent[]): [number, number][] {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000 && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => [e.ts, e.ts + e.dur!]);
}

function mainGc(events: TraceEvent[]): LongTaskProfile['gc'] {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const gcs = events.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'MinorGC' || e.name === 'MajorGC' || e.name === 'V8.GCScavenger') &&
      mains.has(`${e.pid}:${e.tid}`),
  );
  const ms = gcs.map((e) => (e.dur ?? 0) / 1000);
  return { count: ms.length, ms: ms.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...ms) };
}

const sorted = (o: Map<string, number>) => [...o].sort((a, b) => b[1] - a[1]);

export async function profileLongTasks(
  page: Page,
  what: () => Promise<void>,
): Promise<LongTaskProfile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  await what();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  const tasks = mainLongTasks(events);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const inside = tasks.map(() => new Map<string, number>());
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    at += profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    self.set(name(n), (self.get(name(n)) ?? 0) + ms);
    const task = tasks.findIndex(([a, b]) => at >= a && at <= b);
    if (task < 0) return;
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const k = name(byId.get(up)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inside[task].set(k, (inside[task].get(k) ?? 0) + ms);
    }
  });
  return {
    longTasks: tasks.map(([a, b]) => (b - a) / 1000),
    inside: inside.map(sorted),
    self: sorted(self),
    gc: mainGc(events),
  };
}

/** The profile as text: the long tasks and the `top` costliest functions inside each. */
export function profileText(p: LongTaskProfile, top = 25): string {
  const rows = (xs: [string, number][]) =>
    xs
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ${k}`)
      .join('\n');
  return [
    `tasks > 50 ms: ${p.longTasks.map((t) => t.toFixed(0)).join(', ') || 'none'}`,
    `GC on the main thread: ${p.gc.count}, ${p.gc.ms.toFixed(0)} ms, longest ${p.gc.longestMs.toFixed(1)} ms`,
    ...p.inside.map(
      (t, i) => `long task ${i}: ${p.longTasks[i].toFixed(0)} ms, inclusive ms\n${rows(t)}`,
    ),
    `self ms\n${rows(p.self)}`,
  ].join('\n');
}
