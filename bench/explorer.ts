/**
 * The explorer at scale (issue 14): the reduced search (DPOR) against the plain one (every
 * interleaving, equal states merged) on trees of 6 to 50 tasks with zombies and threads, the
 * time to the known violations on 50 tasks, and random walks on 1,000 tasks.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  exploreScenario,
  type ExploreResult,
  type FoundViolation,
} from '../src/engine/explore/explore';
import { runScenario } from '../src/engine/scenario/runner';
import { largeRestart } from '../src/engine/scenario/large-tree';
import type { Scenario, Step, Variant } from '../src/engine/scenario/types';

/** Each search of the table stops after this long (the plain one on 20 and 50 tasks does not run). */
const CAP_MS = 10_000;
const SIZES = [6, 10, 20, 50];
const VARIANTS: Variant[] = ['v19', 'v18-28', 'naive', 'v18-73'];

interface Measured {
  r: ExploreResult;
  ms: number;
  /** The largest heap used seen during the search, in MB. */
  heapMb: number;
  /** When `until` was first found violated, ms from the start. */
  foundMs?: number;
}

/**
 * One search, stopped by a time cap (checked through its progress callback) or once the
 * invariant `until` is found violated; the heap is sampled at each tick.
 */
function explore(
  s: Scenario,
  opts: Parameters<typeof exploreScenario>[1],
  capMs = CAP_MS,
  until?: string,
): Measured {
  global.gc?.();
  const t0 = performance.now();
  let heap = process.memoryUsage().heapUsed;
  let foundMs: number | undefined;
  const r = exploreScenario(s, {
    ...opts,
    onProgress: (_states, _depth, violated) => {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      if (until && foundMs === undefined && violated.includes(until as never))
        foundMs = performance.now() - t0;
      return foundMs !== undefined || performance.now() - t0 > capMs;
    },
  });
  const ms = performance.now() - t0;
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  if ('unsupported' in r) throw new Error(r.unsupported);
  if (until && foundMs === undefined && r.json.violations.some((v) => v.invariant === until))
    foundMs = ms;
  return { r: r.json, ms, heapMb: heap / 1e6, foundMs };
}

/** The schedule runs through `run` (the rest under fifo) and the run ends as the counterexample's events do. */
function replays(s: Scenario, v: FoundViolation, variant: Variant): boolean {
  const steps = s.steps.map((x) =>
    x.op === 'restart' ? ({ ...x, schedule: v.schedule, variant } as Step) : x,
  );
  const r = runScenario({ ...s, steps }, { baseDir: '.', readFile: () => null });
  if ('unsupported' in r) return false;
  const ran = r.events.filter((e) => e.actor === 'coord' || e.actor.startsWith('pid:'));
  const tail = (xs: { fn: string; actor: string }[]) =>
    xs.slice(-3).map((e) => `${e.actor} ${e.fn}`);
  return JSON.stringify(tail(ran)) === JSON.stringify(tail(v.events));
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

const mb = (x: number) => x.toFixed(0);
const secs = (ms: number) => (ms / 1000).toFixed(2);
/** states/s of a search. */
const rate = (m: Measured) => fmt(m.r.states / Math.max(m.ms / 1000, 1e-3));
/** A search's states, marked when a cap stopped it. */
const statesOf = (m: Measured) => fmt(m.r.states) + (m.r.complete ? '' : ' (cap)');

export function explorerBench(): string {
  const out: string[] = [];
  out.push(
    `Explorer (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; each search capped at ${CAP_MS / 1000} s, the plain one run up to 10 tasks)`,
  );
  // Warm-up: the figures are the JIT-compiled explorer.
  explore(largeRestart(6, 'v19'), {});
  const rows: string[][] = [];
  for (const variant of VARIANTS) {
    for (const n of SIZES) {
      const s = largeRestart(n, variant);
      const red = explore(s, { variant });
      const pl = n <= 10 ? explore(s, { variant, reduction: 'none', maxStates: 5_000_000 }) : null;
      const both = pl && pl.r.complete && red.r.complete;
      // A capped plain search has at least the states it reached: a lower bound on the ratio.
      const atLeast = pl && !pl.r.complete && red.r.complete;
      rows.push([
        String(n),
        variant,
        statesOf(red),
        secs(red.ms),
        rate(red),
        red.r.violations.map((v) => v.invariant).join(',') || '-',
        mb(red.heapMb),
        pl ? statesOf(pl) : '-',
        pl ? secs(pl.ms) : '-',
        pl ? rate(pl) : '-',
        pl ? mb(pl.heapMb) : '-',
        both || atLeast
          ? (atLeast ? '>=' : '') + (pl.r.states / red.r.states).toFixed(1) + 'x'
          : '-',
        both ? (pl.ms / red.ms).toFixed(1) + 'x' : '-',
      ]);
    }
  }
  out.push(
    table(
      [
        'tasks',
        'variant',
        'states',
        's',
        'states/s',
        'violated',
        'heap MB',
        'plain states',
        'plain s',
        'plain states/s',
        'plain heap MB',
        'states plain/red',
        'time plain/red',
      ],
      rows,
    ),
  );
  out.push('');
  out.push('Time to the known violation, 50 tasks (reduced search, stopped when found)');
  const vrows: string[][] = [];
  for (const [variant, invariant] of [
    ['naive', 'zombies-before-completion'],
    ['v18-28', 'no-spurious-failure'],
  ] as const) {
    const s = largeRestart(50, variant);
    const r = explore(s, { variant, maxStates: 5_000_000 }, CAP_MS, invariant);
    const v = r.r.violations.find((x) => x.invariant === invariant);
    vrows.push([
      variant,
      invariant,
      v ? 'yes' : 'no',
      r.foundMs === undefined ? '-' : secs(r.foundMs),
      fmt(r.r.states),
      v ? String(v.schedule.length) : '-',
      v ? String(v.step) : '-',
      v ? String(replays(s, v, variant)) : '-',
    ]);
  }
  out.push(
    table(['variant', 'invariant', 'found', 's', 'states', 'schedule', 'step', 'replays'], vrows),
  );
  out.push('');
  const s = largeRestart(1000, 'v18-28');
  const w = explore(s, { walks: 1000, seed: 'bench' }, Infinity);
  out.push('Random walks, 1,000-task tree (v18-28, --walks 1000)');
  out.push(
    table(
      ['walks', 'steps', 'distinct finals', 'violations', 's', 'heap MB'],
      [
        [
          String(w.r.walks),
          fmt(w.r.states),
          String(w.r.distinct),
          w.r.violations.map((v) => v.invariant).join(',') || '-',
          (w.ms / 1000).toFixed(1),
          mb(w.heapMb),
        ],
      ],
    ),
  );
  return out.join('\n');
}
