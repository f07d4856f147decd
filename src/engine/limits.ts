/**
 * How much crviz reads and builds, in one place. Every front end (CLI, page, worker) checks an
 * input's size against INPUT_LIMITS before reading it, and the engine holds a container to
 * MAX_TASKS, so hostile or accidental input is refused in one line instead of exhausting memory.
 * The figures are documented in README.md ("Limits") and `crviz --help`.
 */

/** What kind of file an input is; each kind has its own size limit. */
export type InputKind = 'image' | 'scenario' | 'bundle' | 'archive';

const MiB = 1024 * 1024;

/**
 * The most tasks one container may hold: the scenario's tree, tasks forked later, and a
 * restarted image. Measured in Node (default 4 GB heap): freeze + checkpoint + destroy + restart
 * of 100,000 tasks peaks at 0.7 GB (1.8 GB and a 320 MB report with --trace), 500,000 at 3.2 GB,
 * and a million dies of heap exhaustion; 250,000 with --trace no longer fits in one string.
 */
export const MAX_TASKS = 100_000;

/**
 * Largest accepted file of each kind. An image costs 96 bytes a task plus a header, so 16 MiB
 * holds MAX_TASKS with room to spare; a scenario or bundle of MAX_TASKS pretty-printed entries
 * (about 250 bytes each) and its steps stays under 64 MiB; a CRIU archive (the images of every
 * task, memory pages included) gets 256 MiB.
 */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  image: 16 * MiB,
  scenario: 64 * MiB,
  bundle: 64 * MiB,
  archive: 256 * MiB,
};

/**
 * Largest /proc file the importer reads. The files it reads (`stat`, `status`) are a few KiB on
 * any kernel; a bigger one is not a /proc file, and reading it would be unbounded.
 */
export const PROC_FILE_LIMIT = 1 * MiB;

/** Names used in messages: "a checkpoint image may be at most 64 MiB". */
const KIND_NAMES: Readonly<Record<InputKind, string>> = {
  image: 'a checkpoint image',
  scenario: 'a scenario',
  bundle: 'a criu-tree/1 bundle',
  archive: 'a CRIU archive',
};

/** 64 MiB, 1.5 GiB, 900 bytes: sizes as messages show them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/** The refusal for an input of `size` bytes, or null when it is within its kind's limit. */
export function sizeRefusal(kind: InputKind, size: number): string | null {
  const limit = INPUT_LIMITS[kind];
  if (size <= limit) return null;
  const bytes = size.toLocaleString('en');
  return `too large (${bytes} bytes): ${KIND_NAMES[kind]} may be at most ${formatBytes(limit)}`;
}

/** The refusal for a container that would hold `tasks` tasks, or null within MAX_TASKS. */
export function taskRefusal(tasks: number, what: string): string | null {
  if (tasks <= MAX_TASKS) return null;
  return `${what} has ${tasks.toLocaleString('en')} tasks, more than the ${MAX_TASKS.toLocaleString('en')} crviz simulates in one container`;
}

/** The limits as `crviz --help` and README.md list them. */
export function limitsText(): string {
  const kinds = Object.keys(INPUT_LIMITS) as InputKind[];
  const sizes = kinds.map((k) => `${k} ${formatBytes(INPUT_LIMITS[k])}`).join(', ');
  const tasks = MAX_TASKS.toLocaleString('en');
  return `Limits: input files must be regular files of at most: ${sizes}.\nA container holds at most ${tasks} tasks.`;
}
