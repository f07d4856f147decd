/** `crviz explore SCENARIO.json [--variant V] [--max-states N] [--max-memory MB] [--walks N --seed S] [--no-reduction]`. */
import type { Variant } from '../engine/scenario/types';
import { dirOf, engineReader, loadEngine, loadScenario } from './scenario-file';
import { usage, type CliDeps, type CliResult } from './types';

export interface ExploreArgs {
  file: string;
  variant?: Variant;
  maxStates?: number;
  maxMemoryMb?: number;
  walks?: number;
  seed?: string;
  noReduction?: boolean;
}

export async function exploreCommand(args: ExploreArgs, deps: CliDeps): Promise<CliResult> {
  const loaded = loadScenario(deps, args.file);
  if (!loaded.ok) return loaded.result;
  const images = engineReader(deps);
  const explorer = await loadEngine('explorer', () => deps.loadExplorer());
  if (!explorer.ok) return explorer.result;
  const r = explorer.fn(loaded.scenario, {
    variant: args.variant,
    maxStates: args.maxStates,
    maxMemoryMb: args.maxMemoryMb,
    walks: args.walks,
    seed: args.seed,
    reduction: args.noReduction ? 'none' : 'dpor',
    onProgress: progressLine(deps, args.walks ? 'walks' : 'states'),
    baseDir: dirOf(args.file),
    readFile: images.read,
  });
  deps.progress?.('');
  const refused = images.refusal();
  if (refused) return refused;
  if ('unsupported' in r) return usage(`${args.file}: ${r.unsupported}`);
  const stdout = `${JSON.stringify(r.json, null, 2)}\n`;
  // A search cut short by --max-states proves nothing about the schedules it did not reach.
  // Random walks sample schedules: they are never complete, and say so in their own words.
  const json = r.json as { complete?: boolean; states?: number };
  const limit =
    'limit' in r && r.limit === 'memory'
      ? `--max-memory ${args.maxMemoryMb} MB`
      : args.maxStates === undefined
        ? 'its state limit'
        : `--max-states ${args.maxStates}`;
  const incomplete =
    json.complete !== false
      ? ''
      : args.walks
        ? `${args.walks} random walks sample the schedules and do not exhaust them`
        : `the search stopped at ${limit} (${json.states ?? '?'} states) and is incomplete`;
  if (r.violated) {
    const also = incomplete ? `; ${incomplete}` : '';
    return {
      stdout,
      stderr: `${args.file}: an invariant is violated (see "violations")${also}\n`,
      exitCode: 1,
    };
  }
  if (incomplete) {
    const why = `${args.file}: no invariant violated in the states explored, but ${incomplete}`;
    return { stdout, stderr: `${why}\n`, exitCode: 0 };
  }
  return { stdout, stderr: '', exitCode: 0 };
}

/**
 * Progress on stderr, at most a few times a second and only once a search has run a second
 * (a quick one stays quiet): "explore: 123456 states, 3.2 s".
 */
function progressLine(deps: CliDeps, what: string): (n: number) => void {
  const report = deps.progress;
  if (!report) return () => {};
  const t0 = deps.now?.() ?? 0;
  let last = t0 + 750;
  return (n) => {
    const t = deps.now?.() ?? 0;
    if (t - last < 250) return;
    last = t;
    report(`explore: ${n} ${what}, ${((t - t0) / 1000).toFixed(1)} s`);
  };
}
