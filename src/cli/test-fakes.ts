/** In-memory CliDeps for command tests: files in a map, engines as plain functions. */
import { EngineLog } from '../engine/events';
import type { RunResult, StepOutcome } from '../engine/scenario/outcome';
import type { Scenario } from '../engine/scenario/types';
import type { CliDeps, ExploreScenarioFn, InspectFn, RunScenarioFn } from './types';

export interface FakeFs {
  files: Map<string, Uint8Array>;
  dirs: string[];
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function fakeRun(
  scenario: Scenario,
  steps: StepOutcome[],
  images: [string, Uint8Array][] = [],
): RunResult {
  return {
    scenario,
    variant: scenario.variant,
    steps,
    // No containers: the report's container views are tested with the report itself.
    world: { containers: [], current: 1, images: new Map(images), log: new EngineLog() },
    events: [{ seq: 0, actor: 'user', fn: 'freezer_write', what: 'freeze' }],
  };
}

export function fakeDeps(
  files: Record<string, string | Uint8Array>,
  engines: { runner?: RunScenarioFn; explorer?: ExploreScenarioFn; inspector?: InspectFn } = {},
): CliDeps & { fs: FakeFs } {
  const fs: FakeFs = {
    files: new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? text(v) : v])),
    dirs: [],
  };
  const missing = (what: string) => () => Promise.reject(new Error(`no ${what} in this test`));
  return {
    fs,
    readFile: (p) => {
      const b = fs.files.get(p);
      return b ? { ok: true, bytes: b } : { ok: false, reason: 'no such file' };
    },
    mkdir: (d) => (d.startsWith('/readonly') ? 'permission denied' : (fs.dirs.push(d), null)),
    writeFile: (p, b) => (fs.files.set(p, b), null),
    pathKind: (p) => {
      const b = fs.files.get(p);
      if (b) return { kind: 'file', size: b.length };
      const dir = `${p.replace(/\/+$/, '')}/`;
      return [...fs.files.keys()].some((k) => k.startsWith(dir)) ? { kind: 'dir', size: 0 } : null;
    },
    openBlob: (p) => {
      const b = fs.files.get(p);
      return b
        ? Promise.resolve(new Blob([b as Uint8Array<ArrayBuffer>]))
        : Promise.reject(new Error('no such file'));
    },
    loadRunner: engines.runner
      ? () => Promise.resolve(engines.runner as RunScenarioFn)
      : missing('runner'),
    loadExplorer: engines.explorer
      ? () => Promise.resolve(engines.explorer as ExploreScenarioFn)
      : missing('explorer'),
    loadInspector: engines.inspector
      ? () => Promise.resolve(engines.inspector as InspectFn)
      : missing('inspector'),
  };
}
