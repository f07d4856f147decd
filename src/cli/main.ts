/** Entry point of `npm run crviz -- <command>`: runs the CLI and sets the exit code. */
import { errorText } from '../engine/error-text';
import type { CliResult } from './types';

async function main(): Promise<void> {
  let result: CliResult;
  try {
    // Imported here rather than at the top so that even a module that fails to load is
    // reported as one line instead of a stack trace.
    const [{ cli }, { nodeDeps }] = await Promise.all([import('./cli'), import('./node-deps')]);
    result = await cli(process.argv.slice(2), nodeDeps);
  } catch (err) {
    const why = errorText(err);
    result = { stdout: '', stderr: `crviz: internal error: ${why.split('\n')[0]}\n`, exitCode: 2 };
  }
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

void main();
