/** `crviz run SCENARIO.json [--variant V] [--out DIR] [--trace]`. */
import type { Report } from '../engine/scenario/report';
import type { Variant } from '../engine/scenario/types';
import { dirOf, engineReader, loadEngine, loadScenario } from './scenario-file';
import { usage, type CliDeps, type CliResult } from './types';

export interface RunArgs {
  file: string;
  variant?: Variant;
  out?: string;
  trace: boolean;
}

export async function runCommand(args: RunArgs, deps: CliDeps): Promise<CliResult> {
  const loaded = loadScenario(deps, args.file);
  if (!loaded.ok) return loaded.result;
  const images = engineReader(deps);
  const runner = await loadEngine('scenario runner', () => deps.loadRunner());
  if (!runner.ok) return runner.result;
  const run = runner.fn(loaded.scenario, {
    variant: args.variant,
    baseDir: dirOf(args.file),
    readFile: images.read,
  });
  const refused = images.refusal();
  if (refused) return refused;
  if ('unsupported' in run) return usage(`${args.file}: ${run.unsupported}`);
  const reporter = await loadEngine('report writer', () => import('../engine/scenario/report'));
  if (!reporter.ok) return reporter.result;
  const { toReport, reportToJson } = reporter.fn;

  const report = toReport(run, { trace: args.trace });
  let stdout: string;
  try {
    stdout = reportToJson(report);
  } catch (err) {
    // V8 strings stop near 512 MB: a trace of many restarts of a big tree can pass that.
    if (!(err instanceof RangeError)) throw err;
    const events = run.events.length.toLocaleString('en');
    const hint = args.trace ? '; run it without --trace' : '';
    return usage(`${args.file}: the report is too large to print (${events} events)${hint}`);
  }
  if (args.out !== undefined) {
    const err = writeImages(deps, args.out, run.world.images);
    // The run itself worked, so its report is still printed; the images are what is missing.
    if (err) return { stdout, stderr: `${err}\n`, exitCode: 2 };
  }
  if (!report.ok) return { stdout, stderr: `${failureLine(args.file, report)}\n`, exitCode: 1 };
  return { stdout, stderr: '', exitCode: 0 };
}

function writeImages(deps: CliDeps, dir: string, images: Map<string, Uint8Array>): string | null {
  const mk = deps.mkdir(dir);
  if (mk) return `${dir}: cannot create directory: ${mk}`;
  // Names are [A-Za-z0-9._-]+ (the parser checks), so joining cannot leave DIR.
  for (const [name, bytes] of images) {
    const path = `${dir.replace(/[\\/]+$/, '')}/${name}.ckpt`;
    const err = deps.writeFile(path, bytes);
    if (err) return `${path}: cannot write: ${err}`;
  }
  return null;
}

/** One human line saying which steps did not do what the scenario expected. */
export function failureLine(file: string, report: Report): string {
  const failed = report.steps.filter((s) => s.expect_failed);
  const list = failed.map((s) => `steps[${s.index}] ${s.op}`).join(', ');
  const n = failed.length;
  return `${file}: ${n} step${n === 1 ? '' : 's'} did not meet ${n === 1 ? 'its' : 'their'} expectation: ${list}`;
}
