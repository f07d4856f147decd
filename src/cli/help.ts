/** The text of `crviz --help`: every command with a one-line description and its options. */
import { limitsText } from '../engine/limits';

export const HELP_TEXT = `crviz: Linux-CR checkpoint/restart process-tree debugger

Usage: npm run crviz -- <command> [arguments]

Commands:
  run SCENARIO.json      run every step of a scenario and print a crviz-report/1
      --variant V          protocol variant: v18-28 (default), v17 or naive; overrides the
                           scenario's and each restart step's own variant
      --out DIR            write each image as DIR/NAME.ckpt
      --trace              add the full engine event list to the report
  explore SCENARIO.json  explore every interleaving of the first restart, print crviz-explore/1
      --variant V          protocol variant: v18-28 (default), v17 or naive; overrides the
                           scenario's and the restart step's own variant
      --max-states N       stop after N states ("complete": false, and a line on stderr)
  inspect IMAGE.ckpt     decode and validate an image and print its records as a table
      --json               print crviz-image/1 instead of a table
  snapshot               print a live process tree as a crviz-scenario/1 with no steps
      --proc DIR           read this copy of /proc instead of /proc
      --root PID           start the tree at PID (default 1)
  import FILE            convert a criu-tree/1 bundle into a crviz-scenario/1
  help, --help, -h       show this help

Exit codes: 0 success, 1 the run found a failure, 2 the input could not be used.
JSON goes to stdout, messages to stderr.
${limitsText()}
`;
