/** The whole CLI as one function of argv: parse, dispatch, and turn any crash into a line. */
import { errorText } from '../engine/error-text';
import { parseArgs } from './args';
import { HELP_TEXT, VERSION_TEXT } from './help';
import { usage, type CliDeps, type CliResult } from './types';

export async function cli(argv: readonly string[], deps: CliDeps): Promise<CliResult> {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return usage(parsed.message);
    const c = parsed.command;
    // Command modules load on demand: `--help` and argument errors keep working even while an
    // engine module that one command depends on is broken or missing.
    switch (c.name) {
      case 'help':
        return { stdout: HELP_TEXT, stderr: '', exitCode: 0 };
      case 'version':
        return { stdout: VERSION_TEXT, stderr: '', exitCode: 0 };
      case 'run':
        return await (await import('./run')).runCommand(c, deps);
      case 'explore':
        return await (await import('./explore')).exploreCommand(c, deps);
      case 'inspect':
        return await (await import('./inspect-command')).inspectFileCommand(c, deps);
      case 'snapshot':
        return await (await import('./snapshot')).snapshotCommand(c, deps);
      case 'import':
        return await (await import('./import')).importCommand(c, deps);
    }
  } catch (err) {
    // Never a stack trace: an engine bug is reported in one line, as unusable input is.
    return usage(`crviz: internal error: ${firstLine(err)}`);
  }
}

export function firstLine(err: unknown): string {
  const text = errorText(err);
  return text.split('\n')[0];
}
