import { kerror, type KError } from '../errno';
import { EngineLog } from '../events';
import { sysCheckpoint } from '../checkpoint/checkpoint';
import { corruptImage, patchImage, truncateImage } from '../image/edit';
import { buildContainer } from '../kernel/build';
import { cloneContainer, createWorld, currentContainer } from '../kernel/world';
import type { World } from '../kernel/types';
import { beginRestart, runRestart, type RestartRun } from '../restart/restart';
import type { Part } from '../restart/types';
import { applyKernelStep, isKernelStep } from './kernel-steps';
import type { StepOutcome, RunResult } from './outcome';
import type { Scenario, Step, Variant } from './types';

export interface RunOptions {
  /** --variant: overrides the scenario's variant and every restart step's own variant. */
  variant?: Variant;
  baseDir: string;
  readFile: (path: string) => Uint8Array | null;
  /** A log to use instead of a new one (the session hooks its emit). */
  log?: EngineLog;
  /** Watches the run as it goes (the debugger session records its frames from it). */
  observer?: RunObserver;
}

/** What a run tells whoever watches it, in order. */
export interface RunObserver {
  /** Scenario step `index` is about to run. */
  stepStarted?(index: number): void;
  /** Scenario step `index` has run. */
  stepEnded?(index: number): void;
  /** A restart began (its run) or ended (null). */
  restart?(run: RestartRun | null): void;
  /**
   * A restart step has fully finished: `stepped` ran it, and a `broadcast` step may have woken
   * every participant.
   */
  restartStepped?(stepped: Part, broadcast: boolean): void;
}

type Fields = StepOutcome['fields'];
type Applied = { ok: true; fields: Fields } | { ok: false; error: KError; fields: Fields };

/** The world before any step: the scenario's tree as container 1. */
export function initialWorld(s: Scenario, log?: EngineLog): World | { unsupported: string } {
  const world = createWorld();
  if (log) world.log = log;
  const built = buildContainer(world, s.tree);
  if (!built.ok) return { unsupported: `tree: ${built.error.message}` };
  return world;
}

/** Runs every step; a failed step changes nothing and the run goes on. */
export function runScenario(s: Scenario, opts: RunOptions): RunResult | { unsupported: string } {
  const variant = opts.variant ?? s.variant;
  const world = initialWorld(s, opts.log);
  if ('unsupported' in world) return world;
  return runSteps(s, world, variant, opts);
}

/** The steps of `s` against an already built world. */
export function runSteps(s: Scenario, world: World, variant: Variant, opts: RunOptions): RunResult {
  const steps: StepOutcome[] = [];
  s.steps.forEach((step, index) => {
    opts.observer?.stepStarted?.(index);
    const applied = applyStep(world, step, variant, opts);
    steps.push(outcomeOf(index, step, applied));
    opts.observer?.stepEnded?.(index);
  });
  return { scenario: s, variant, steps, world, events: world.log.events };
}

/** One step of a scenario against the world. */
export function applyStep(world: World, step: Step, variant: Variant, opts: RunOptions): Applied {
  if (isKernelStep(step)) return applyKernelStep(world, step);
  switch (step.op) {
    case 'checkpoint': {
      const c = currentContainer(world);
      if (!c) return failed(kerror('ESRCH', 'there is no container to checkpoint'));
      // Without `subtree`, a tree that has no container init (its root is a subtree root, as in
      // an imported CRIU dump or a /proc snapshot: `init: false`) is checkpointed as the subtree
      // it is. Inside a container with an init, or with `subtree: false`, Linux-CR's
      // whole-container rule applies unchanged (EINVAL for a root that is not the init).
      const subtree = step.subtree ?? c.init === 0;
      const r = sysCheckpoint(world.log, c, { root: step.root, subtree, variant });
      world.images.set(step.image, r.image);
      const fields: Fields = { image: step.image, bytes: r.image.length, tasks: r.pids.length };
      return r.ok ? { ok: true, fields } : { ok: false, error: r.error!, fields };
    }
    case 'restart':
      return restartStep(world, step, opts.variant ?? step.variant ?? variant, opts);
    case 'patch':
    case 'corrupt':
    case 'truncate': {
      const bytes = world.images.get(step.image);
      if (!bytes) return failed(kerror('ENOENT', `no image named "${step.image}"`));
      const r =
        step.op === 'patch'
          ? patchImage(bytes, step.pid, step.field, step.value)
          : step.op === 'corrupt'
            ? corruptImage(bytes, step.offset, step.hex)
            : truncateImage(bytes, step.length);
      if (!r.ok) return failed(r.error);
      // A patch with `out` makes a new image and leaves the original as it was.
      const out = step.op === 'patch' && step.out !== undefined ? step.out : step.image;
      world.images.set(out, r.value);
      world.log.emit({
        actor: 'user',
        fn: step.op,
        what:
          out === step.image
            ? `image "${step.image}" edited (${r.value.length} bytes)`
            : `image "${out}" made from "${step.image}" with ${step.op === 'patch' ? `${step.field} of pid ${step.pid} set to ${JSON.stringify(step.value)}` : 'an edit'} (${r.value.length} bytes)`,
      });
      return { ok: true, fields: { image: out, bytes: r.value.length } };
    }
    case 'load_image': {
      const path = step.path.startsWith('/')
        ? step.path
        : `${opts.baseDir.replace(/\/+$/, '')}/${step.path}`;
      const bytes = opts.readFile(path);
      if (!bytes) return failed(kerror('ENOENT', `cannot read ${step.path}`));
      world.images.set(step.image, bytes);
      world.log.emit({
        actor: 'user',
        fn: 'load_image',
        what: `image "${step.image}" loaded from ${step.path} (${bytes.length} bytes)`,
      });
      return { ok: true, fields: { image: step.image, bytes: bytes.length } };
    }
    default:
      return failed(kerror('ENOSYS', `op "${(step as Step).op}" is not supported`));
  }
}

function restartStep(
  world: World,
  step: Extract<Step, { op: 'restart' }>,
  variant: Variant,
  opts: RunOptions,
): Applied {
  const bytes = world.images.get(step.image);
  if (!bytes) return failed(kerror('ENOENT', `no image named "${step.image}"`));
  const before = {
    current: world.current,
    containers: world.containers.length,
    events: world.log.length,
  };
  const run = beginRestart(world, {
    imageName: step.image,
    bytes,
    variant,
    schedule: step.schedule,
    log: world.log,
    afterStep: opts.observer?.restartStepped?.bind(opts.observer),
  });
  opts.observer?.restart?.(run);
  const r = runRestart(run);
  opts.observer?.restart?.(null);
  if (!r.ok) {
    // A schedule that cannot be followed is bad input: the restart never happened.
    world.containers.length = before.containers;
    world.current = before.current;
    world.log.truncate(before.events);
    return failed(r.error);
  }
  const o = r.value;
  const fields: Fields = {
    container: o.container,
    order: o.order,
    events: o.events,
    ctx_refcount_end: o.ctx_refcount_end,
  };
  if (!o.ok) {
    if (o.pid !== null) fields.pid = o.pid;
    return { ok: false, error: o.error!, fields };
  }
  return { ok: true, fields };
}

function failed(error: KError): Applied {
  return { ok: false, error, fields: {} };
}

function outcomeOf(index: number, step: Step, a: Applied): StepOutcome {
  const out: StepOutcome = { index, op: step.op, ok: a.ok, fields: a.fields };
  if (!a.ok) {
    out.errno = a.error.errno;
    out.code = a.error.code;
    out.message = a.error.message;
  }
  const e = step.expect ?? { ok: true };
  const mismatch =
    e.ok !== a.ok ||
    (e.errno !== undefined && e.errno !== out.errno) ||
    (e.status !== undefined && e.status !== a.fields.status) ||
    (e.child !== undefined && e.child !== a.fields.child);
  if (mismatch) out.expect_failed = true;
  return out;
}

/**
 * The world just before the scenario's first restart, for the explorer. `freshWorld` rebuilds
 * it each time so every explored branch starts from an identical, private copy.
 */
export function prepareRestart(
  s: Scenario,
  opts: { variant?: Variant; baseDir: string; readFile: (path: string) => Uint8Array | null },
):
  | { freshWorld: () => World; image: string; bytes: Uint8Array; variant: Variant }
  | { unsupported: string } {
  const index = s.steps.findIndex((st) => st.op === 'restart');
  if (index < 0) return { unsupported: 'the scenario has no restart step to explore' };
  const step = s.steps[index] as Extract<Step, { op: 'restart' }>;
  const variant = opts.variant ?? step.variant ?? s.variant;
  const world = initialWorld(s);
  if ('unsupported' in world) return world;
  for (const st of s.steps.slice(0, index))
    applyStep(world, st, opts.variant ?? s.variant, { ...opts });
  const bytes = world.images.get(step.image);
  if (!bytes)
    return { unsupported: `steps[${index}]: no image named "${step.image}" before the restart` };
  return { freshWorld: () => cloneWorld(world), image: step.image, bytes, variant };
}

/** A private copy of a world: containers deep-copied, images shared (they are never mutated). */
function cloneWorld(w: World): World {
  return {
    containers: w.containers.map(cloneContainer),
    current: w.current,
    images: new Map(w.images),
    log: new EngineLog(),
  };
}
