/** `crviz explore SCENARIO.json [--variant V] [--max-states N]`. */
import type { Variant } from '../engine/scenario/types';
import { dirOf, engineReader, loadEngine, loadScenario } from './scenario-file';
import { usage, type CliDeps, type CliResult } from './types';

export interface ExploreArgs {
  file: string;
  variant?: Variant;
  maxStates?: number;
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
    baseDir: dirOf(args.file),
    readFile: images.read,
  });
  const refused = images.refusal();
  if (refused) return refused;
  if ('unsupported' in r) return usage(`${args.file}: ${r.unsupported}`);
  const stdout = `${JSON.stringify(r.json, null, 2)}\n`;
  // A search cut short by --max-states proves nothing about the schedules it did not reach.
  const json = r.json as { complete?: boolean; states?: number };
  const incomplete =
    json.complete === false
      ? `the search stopped at --max-states ${args.maxStates ?? ''} (${json.states ?? '?'} states) and is incomplete`
      : '';
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
