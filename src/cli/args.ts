/** Command-line parsing for the commands of CONTRACTS section 1. */
import { didYouMean } from '../engine/scenario/parse-suggest';
import { VARIANTS, type Variant } from '../engine/scenario/types';

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'run'; file: string; variant?: Variant; out?: string; trace: boolean }
  | {
      name: 'explore';
      file: string;
      variant?: Variant;
      maxStates?: number;
      maxMemoryMb?: number;
      walks?: number;
      seed?: string;
      noReduction?: boolean;
    }
  | { name: 'inspect'; file: string; json: boolean }
  | { name: 'snapshot'; proc?: string; root?: number }
  | { name: 'import'; file: string };

export type ParsedArgs = { ok: true; command: Command } | { ok: false; message: string };

interface CommandSpec {
  /** Name of the positional argument, or null when the command takes none. */
  positional: string | null;
  /** Options taking a value. */
  values: readonly string[];
  /** Options that are switches. */
  flags: readonly string[];
}

export const COMMANDS: Record<Exclude<Command['name'], 'help' | 'version'>, CommandSpec> = {
  run: { positional: 'SCENARIO.json', values: ['--variant', '--out'], flags: ['--trace'] },
  explore: {
    positional: 'SCENARIO.json',
    values: ['--variant', '--max-states', '--max-memory', '--walks', '--seed'],
    flags: ['--no-reduction'],
  },
  inspect: { positional: 'IMAGE.ckpt', values: [], flags: ['--json'] },
  snapshot: { positional: null, values: ['--proc', '--root'], flags: [] },
  import: { positional: 'PATH', values: [], flags: [] },
};

const HELP_FLAGS = ['--help', '-h'];
const VERSION_FLAGS = ['--version', '-V'];

class ArgError {
  constructor(readonly message: string) {}
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  try {
    return { ok: true, command: parse(argv) };
  } catch (e) {
    if (e instanceof ArgError) return { ok: false, message: e.message };
    throw e;
  }
}

function parse(argv: readonly string[]): Command {
  if (argv.length === 0) throw new ArgError('crviz: missing command (try "crviz --help")');
  // `help` only as the command itself, so that a file named "help" can still be run.
  if (argv[0] === 'help' || argv.some((a) => HELP_FLAGS.includes(a))) return { name: 'help' };
  if (argv[0] === 'version' || argv.some((a) => VERSION_FLAGS.includes(a))) {
    return { name: 'version' };
  }
  const [name, ...rest] = argv;
  const names = Object.keys(COMMANDS);
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
    throw new ArgError(
      `crviz: unknown command "${name}"${didYouMean(name, names)} (try "crviz --help")`,
    );
  }
  const cmd = name as keyof typeof COMMANDS;
  const spec = COMMANDS[cmd];
  const fail = (m: string): never => {
    throw new ArgError(`crviz ${cmd}: ${m}`);
  };
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const opt = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(opt)) {
      if (eq > 0) fail(`option ${opt} takes no value`);
      flags.add(opt);
    } else if (spec.values.includes(opt)) {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined) fail(`option ${opt} needs a value`);
      values.set(opt, v);
    } else {
      const known = [...spec.values, ...spec.flags];
      fail(`unknown option "${opt}"${didYouMean(opt, known)}`);
    }
  }
  if (spec.positional === null && positionals.length > 0) {
    fail(`unexpected argument "${positionals[0]}"`);
  }
  if (spec.positional !== null && positionals.length === 0)
    fail(`missing ${spec.positional} argument`);
  if (positionals.length > 1) fail(`unexpected extra argument "${positionals[1]}"`);
  const file = positionals[0];
  const variant = values.has('--variant')
    ? parseVariant(values.get('--variant') as string, fail)
    : undefined;

  switch (cmd) {
    case 'run':
      return { name: 'run', file, variant, out: values.get('--out'), trace: flags.has('--trace') };
    case 'explore': {
      const ms = values.get('--max-states');
      const mem = values.get('--max-memory');
      const walks = values.get('--walks');
      const seed = values.get('--seed');
      if (seed !== undefined && walks === undefined) fail('--seed needs --walks');
      return {
        name: 'explore',
        file,
        variant,
        maxStates: ms === undefined ? undefined : positive('--max-states', ms, fail),
        ...(mem === undefined ? {} : { maxMemoryMb: positive('--max-memory', mem, fail) }),
        ...(walks === undefined
          ? {}
          : { walks: positive('--walks', walks, fail), seed: seed ?? '0' }),
        ...(flags.has('--no-reduction') ? { noReduction: true } : {}),
      };
    }
    case 'inspect':
      return { name: 'inspect', file, json: flags.has('--json') };
    case 'snapshot': {
      const root = values.get('--root');
      return {
        name: 'snapshot',
        proc: values.get('--proc'),
        root: root === undefined ? undefined : positive('--root', root, fail),
      };
    }
    case 'import':
      return { name: 'import', file };
  }
}

function parseVariant(v: string, fail: (m: string) => never): Variant {
  if (!(VARIANTS as readonly string[]).includes(v)) {
    fail(`--variant must be one of ${VARIANTS.join(', ')}, got "${v}"${didYouMean(v, VARIANTS)}`);
  }
  return v as Variant;
}

function positive(opt: string, v: string, fail: (m: string) => never): number {
  const n = /^[1-9]\d*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) fail(`${opt} must be a positive integer, got "${v}"`);
  return n;
}
