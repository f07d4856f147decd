/**
 * What a CLI command produces and what it needs from the outside world. Commands are plain
 * functions of (arguments, dependencies) so that tests run them with in-memory files and fake
 * engines, without spawning processes.
 */
import type { Scenario, Variant } from '../engine/scenario/types';
import type { RunResult } from '../engine/scenario/outcome';
import type { ProcReader } from '../engine/import/types';
import type { InputKind } from '../engine/limits';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/**
 * A file's bytes, or why not. `refused`: the file exists but is not one crviz reads (not a
 * regular file, or over its size limit), which is unusable input (exit 2) wherever it is named.
 */
export type ReadResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: string; refused?: boolean };

export type RunScenarioFn = (
  s: Scenario,
  opts: { variant?: Variant; baseDir: string; readFile: (path: string) => Uint8Array | null },
) => RunResult | { unsupported: string };

export type ExploreScenarioFn = (
  s: Scenario,
  opts: {
    variant?: Variant;
    maxStates?: number;
    maxMemoryMb?: number;
    walks?: number;
    seed?: string;
    reduction?: 'dpor' | 'none';
    onProgress?: (n: number) => boolean | void;
    baseDir?: string;
    readFile?: (path: string) => Uint8Array | null;
  },
) =>
  | { json: unknown; violated: boolean; limit?: 'states' | 'memory' | null }
  | { unsupported: string };

export type InspectFn = (bytes: Uint8Array, file: string, json: boolean) => CliResult;

export interface CliDeps {
  /** A regular file within the size limit of its kind (src/engine/limits.ts), or why not. */
  readFile(path: string, kind: InputKind): ReadResult;
  /** Creates the directory and its parents; returns an error reason or null. */
  mkdir(dir: string): string | null;
  /** Writes the file; returns an error reason or null. */
  writeFile(path: string, bytes: Uint8Array): string | null;
  /** Engine modules are loaded lazily so that a missing one is a message, not a crash. */
  loadRunner(): Promise<RunScenarioFn>;
  loadExplorer(): Promise<ExploreScenarioFn>;
  loadInspector(): Promise<InspectFn>;
  /** What a path is, for `import` (a CRIU images directory or a file); null when absent. */
  pathKind?(
    path: string,
  ): { kind: 'dir' | 'file'; size: number } | { kind: 'other'; what: string } | null;
  /** A file as a Blob read on demand: a checkpoint archive is streamed, never read whole. */
  openBlob?(path: string): Promise<Blob>;
  /** /proc access for `snapshot`, and the uid reading it (undefined off Linux or in tests). */
  proc?: { reader: ProcReader; uid?: number };
  /** A progress line for long commands (stderr); '' when done. Absent in tests. */
  progress?: (line: string) => void;
  /** Milliseconds, for progress (the engine has no clock). */
  now?: () => number;
}

export function usage(message: string): CliResult {
  return { stdout: '', stderr: `${message}\n`, exitCode: 2 };
}
