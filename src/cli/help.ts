/** The texts of `crviz --help` and `crviz --version`. */
import { version } from '../../package.json';
import { limitsText } from '../engine/limits';

export const VERSION_TEXT = `crviz ${version}\n`;

/** Every command with a one-line description and its options. */
export const HELP_TEXT = `crviz ${version}: Linux-CR checkpoint/restart process-tree debugger

Usage: crviz <command> [arguments]
  (in a clone, after npm install: npx crviz <command>, or npm run crviz -- <command>)

Commands:
  run SCENARIO.json      run every step of a scenario and print a crviz-report/1
      --variant V          protocol variant: v18-28 (default), v17 or naive; overrides the
                           scenario's and each restart step's own variant
      --out DIR            write each image as DIR/NAME.ckpt
      --trace              add the full engine event list to the report
  explore SCENARIO.json  explore every interleaving of the first restart, print crviz-explore/1
      --variant V          protocol variant: v18-28 (default), v17, naive, v19 or v18-73;
                           overrides the scenario's and the restart step's own variant
      --max-states N       stop after N states ("complete": false, and a line on stderr)
      --max-memory MB      stop when the search would hold more than MB megabytes (estimated)
      --walks N            run N seeded random schedules instead (for trees too big to exhaust)
      --seed S             the walks' seed (default 0)
      --no-reduction       every interleaving, equal states merged (no partial-order reduction)
  inspect IMAGE.ckpt     decode and validate an image and print its records as a table
      --json               print crviz-image/1 instead of a table
  snapshot               print a live process tree as a crviz-scenario/1 with no steps
      --proc DIR           read this copy of /proc instead of /proc
      --root PID           start the tree at PID (default 1)
  import PATH            convert a CRIU dump into a crviz-scenario/1: an images directory
                         (criu dump -D), a checkpoint archive (.tar, .tar.gz, .tgz, images at
                         its root or under checkpoint/) or a criu-tree/1 bundle; what CRIU
                         would refuse or change is printed as note: lines on stderr
  help, --help, -h       show this help
  version, --version, -V show the version

Exit codes: 0 success, 1 the run found a failure, 2 the input could not be used.
JSON goes to stdout, messages to stderr. Formats: docs/FORMATS.md.
Examples to try: examples/*.json (e.g. crviz run examples/three-zombies.json).
${limitsText()}
`;
