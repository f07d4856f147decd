/**
 * `npm run -s example:large -- N`: prints the large example of N tasks (a crviz-scenario/1) on
 * stdout, so that `crviz run` and `crviz explore --walks` can be tried on a big tree without
 * megabytes of JSON in the repository. The app's gallery makes the same trees in the page.
 */
import {
  LARGE_MAX,
  LARGE_MIN,
  LARGE_SIZES,
  largeScenario,
} from '../src/engine/scenario/large-tree';

const arg = process.argv[2];
const n = Number(arg);
if (arg === undefined || !/^\d+$/.test(arg) || n < LARGE_MIN || n > LARGE_MAX) {
  process.stderr.write(
    `example:large: give a number of tasks from ${LARGE_MIN} to ${LARGE_MAX} (the examples use ${LARGE_SIZES.join(', ')})\n`,
  );
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(largeScenario(n))}\n`);
