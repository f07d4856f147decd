/**
 * The explorer at scale (issue 14): the reduced search (DPOR) against the plain one (every
 * interleaving, equal states merged) on trees of 6 to 50 tasks with zombies and threads, the
 * time to the known violations on 50 tasks, and random walks on 1,000 tasks.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { exploreScenario, type FoundViolation } from '../src/engine/explore/explore';
import { runScenario } from '../src/engine/scenario/runner';
import { largeTree } from '../src/engine/scenario/large-tree';
import type { Scenario, Step, Variant } from '../src/engine/scenario/types';

const PLAIN_CAP_MS = 20_000;

function restartOf(n: number, variant: Variant): Scenario {
  return {
    format: 'crviz-scenario/1',
    name: `explore-${n}`,
    variant,
    tree: largeTree(n),
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
    ],
  };
}

function explore(s: Scenario, opts: Parameters<typeof exploreScenario>[1]) {
  const t0 = performance.now();
  const r = exploreScenario(s, opts);
  const ms = performance.now() - t0;
  if ('unsupported' in r) throw new Error(r.unsupported);
  return { r: r.json, ms };
}

/** A plain search stopped by a time cap (checked through its progress callback). */
function plain(s: Scenario) {
  const t0 = performance.now();
  return explore(s, {
    reduction: 'none',
    maxStates: 5_000_000,
    onProgress: () => performance.now() - t0 > PLAIN_CAP_MS,
  });
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

export function explorerBench(): string {
  const out: string[] = [];
  out.push(
    `Explorer (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  // Warm-up: the figures are the JIT-compiled explorer.
  explore(restartOf(6, 'v19'), {});
  const rows: string[][] = [];
  for (const n of [6, 10, 20, 50]) {
    const s = restartOf(n, 'v19');
    const red = explore(s, {});
    const pl = n <= 10 ? plain(s) : null;
    rows.push([
      String(n),
      'v19',
      fmt(red.r.states),
      String(red.r.complete),
      String(red.r.violations.length),
      (red.ms / 1000).toFixed(2),
      fmt(red.r.states / (red.ms / 1000)),
      pl ? fmt(pl.r.states) + (pl.r.complete ? '' : ' (cap)') : '-',
      pl ? (pl.ms / 1000).toFixed(2) : '-',
      pl ? (pl.ms / red.ms).toFixed(1) + 'x' : '-',
    ]);
  }
  out.push(
    table(
      [
        'tasks',
        'variant',
        'states',
        'complete',
        'violations',
        's',
        'states/s',
        'plain states',
        'plain s',
        'plain/reduced',
      ],
      rows,
    ),
  );
  out.push('');
  out.push('Time to the known violation, 50 tasks (reduced search, first counterexample)');
  const vrows: string[][] = [];
  for (const [variant, invariant] of [
    ['naive', 'zombies-before-completion'],
    ['v18-28', 'no-spurious-failure'],
  ] as const) {
    const s = restartOf(50, variant);
    const t0 = performance.now();
    // Stopped at 5 s: the goal is the violation found within that.
    const r = explore(s, {
      variant,
      maxStates: 5_000_000,
      onProgress: () => performance.now() - t0 > 5_000,
    });
    const v = r.r.violations.find((x) => x.invariant === invariant);
    vrows.push([
      variant,
      invariant,
      v ? 'yes' : 'no',
      fmt(r.r.states),
      (r.ms / 1000).toFixed(2),
      v ? String(v.schedule.length) : '-',
      v ? String(replays(s, v, variant)) : '-',
    ]);
  }
  out.push(table(['variant', 'invariant', 'found', 'states', 's', 'schedule', 'replays'], vrows));
  out.push('');
  const s = restartOf(1000, 'v18-28');
  const w = explore(s, { walks: 1000, seed: 'bench' });
  out.push('Random walks, 1,000-task tree (v18-28, --walks 1000)');
  out.push(
    table(
      ['walks', 'steps', 'distinct finals', 'violations', 's'],
      [
        [
          String(w.r.walks),
          fmt(w.r.states),
          String(w.r.distinct),
          w.r.violations.map((v) => v.invariant).join(',') || '-',
          (w.ms / 1000).toFixed(1),
        ],
      ],
    ),
  );
  return out.join('\n');
}
