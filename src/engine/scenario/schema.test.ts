/**
 * schemas/crviz-scenario.schema.json against the parser: both accept every example and both
 * reject each bad input below, and the schema's enumerations are the parser's own tables.
 */
import { describe, expect, it } from 'vitest';
import { ERRNO } from '../errno';
import { compileSchema, errorsOf, readSchema } from '../../schemas/schemas';
import { exampleFiles, readExample } from './examples-on-disk';
import { largeScenario } from './large-tree';
import { parseScenario } from './parse';
import { STEP_OPS } from './parse-steps';
import { TREE_KEYS, TREE_STATES } from './parse-tree';
import { PIDS_PATCH_FIELDS, TASK_PATCH_FIELDS, VARIANTS } from './types';

const validate = compileSchema('crviz-scenario');
const defs = readSchema('crviz-scenario').$defs as Record<string, Record<string, unknown>>;

function verdicts(value: unknown): { parser: string; schema: string } {
  const parsed = parseScenario(JSON.stringify(value), 's.json');
  return {
    parser: parsed.ok ? 'valid' : `invalid (${parsed.message})`,
    schema: validate(value) ? 'valid' : `invalid (${errorsOf(validate)})`,
  };
}

const agree = (value: unknown, expected: 'valid' | 'invalid') => {
  const v = verdicts(value);
  expect(v.parser.split(' ')[0], v.parser).toBe(expected);
  expect(v.schema.split(' ')[0], v.schema).toBe(expected);
};

const F = { format: 'crviz-scenario/1' };
const tree = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh' },
];
const withStep = (step: Record<string, unknown>) => ({ ...F, tree, steps: [step] });

describe('crviz-scenario.schema.json and the parser', () => {
  it.each(exampleFiles())('both accept %s', (file) =>
    agree(JSON.parse(readExample(file)), 'valid'),
  );

  it('both accept a generated large example and inputs that use every form', () => {
    agree(largeScenario(50), 'valid');
    agree({ ...F, steps: [] }, 'valid');
    agree(
      {
        ...F,
        variant: 'naive',
        tree: [
          { pid: 1, ppid: 0, init: true },
          { pid: 2, ppid: 1, comm: 'srv', pgid: 2, sid: 2, pdeath_signal: 'SIGHUP' },
          { pid: 3, tgid: 2, comm: 'srv' },
          { pid: 4, ppid: 2, state: 'zombie', exit_code: 139, exit_signal: 'SIGCHLD' },
          { pid: 5, ppid: 2, state: 'stopped' },
        ],
        steps: [
          { op: 'fork', pid: 2, child: 9, comm: 'x', clone_parent: true },
          { op: 'thread', pid: 9, tid: 10 },
          { op: 'kill', pid: 9, signal: 'term', core: false },
          { op: 'kill', pid: 5, signal: 18 },
          { op: 'wait', pid: 2, untraced: true, hold: true, expect: { ok: true, child: 4 } },
          { op: 'release', pid: 2, expect: { ok: false, errno: 'ECHILD' } },
          { op: 'ignore_sigchld', pid: 1, ignore: true },
          { op: 'pdeathsig', pid: 2, signal: 'SIGRTMIN+2' },
          { op: 'ptrace', tracer: 1, tracee: 2 },
          { op: 'ptrace_detach', tracee: 2 },
          { op: 'freeze' },
          { op: 'leave_freezer', pid: 5 },
          { op: 'thaw' },
          { op: 'checkpoint', image: 'a.1', root: 2, subtree: true },
          { op: 'patch', image: 'a.1', pid: 2, field: 'comm', value: 'renamed' },
          { op: 'patch', image: 'a.1', pid: 2, field: 'vsid', value: -1 },
          { op: 'patch', image: 'a.1', pid: 2, field: 'vsid', value: 1, out: 'a.2' },
          { op: 'corrupt', image: 'a.1', offset: 8, hex: 'DEad' },
          { op: 'truncate', image: 'a.1', length: 0 },
          { op: 'load_image', image: 'b', path: 'b.ckpt' },
          { op: 'destroy' },
          { op: 'restart', image: 'a.1', schedule: 'random:7', variant: 'v17' },
          { op: 'restart', image: 'a.1', schedule: ['coord', 'pid:1'] },
          { op: 'restart', image: 'a.1', schedule: 'fifo' },
          { op: 'exit', pid: 2, status: 255 },
          { op: 'thread_exit', pid: 3 },
        ],
      },
      'valid',
    );
  });

  const bad: [string, unknown][] = [
    ['not an object', [1]],
    ['no format', { steps: [] }],
    ['another format', { format: 'crviz-scenario/2', steps: [] }],
    ['no steps', { ...F }],
    ['an unknown top-level key', { ...F, steps: [], stepz: [] }],
    ['a $schema that is not a string', { ...F, $schema: 1, steps: [] }],
    ['an unknown variant', { ...F, variant: 'v18', steps: [] }],
    ['an empty tree', { ...F, tree: [], steps: [] }],
    ['a task without pid', { ...F, tree: [{ ppid: 0 }], steps: [] }],
    ['pid 0', { ...F, tree: [{ pid: 0, ppid: 0 }], steps: [] }],
    ['a fractional pid', { ...F, tree: [{ pid: 1.5, ppid: 0 }], steps: [] }],
    ['a task without ppid or tgid', { ...F, tree: [{ pid: 1 }], steps: [] }],
    ['an unknown task key', { ...F, tree: [{ pid: 1, ppid: 0, comn: 'x' }], steps: [] }],
    ['an unknown state', { ...F, tree: [{ pid: 1, ppid: 0, state: 'dead' }], steps: [] }],
    [
      'an exit code on a running task',
      { ...F, tree: [...tree, { pid: 3, ppid: 2, exit_code: 256 }], steps: [] },
    ],
    ['a comm that is not a string', { ...F, tree: [{ pid: 1, ppid: 0, comm: 7 }], steps: [] }],
    ['a signal above 64', { ...F, tree: [{ pid: 1, ppid: 0, pdeath_signal: 65 }], steps: [] }],
    ['steps not an array', { ...F, steps: {} }],
    ['a step without op', withStep({ pid: 1 })],
    ['an unknown op', withStep({ op: 'forc', pid: 1 })],
    ['a fork without pid', withStep({ op: 'fork' })],
    ['an unknown step key', withStep({ op: 'freeze', pid: 1 })],
    ['an exit status above 255', withStep({ op: 'exit', pid: 2, status: 256 })],
    ['a kill without signal', withStep({ op: 'kill', pid: 2 })],
    ['an image name with a slash', withStep({ op: 'checkpoint', image: 'a/b' })],
    ['an odd-length hex', withStep({ op: 'corrupt', image: 'a', offset: 0, hex: 'abc' })],
    ['a negative offset', withStep({ op: 'truncate', image: 'a', length: -1 })],
    ['an unknown patch field', withStep({ op: 'patch', image: 'a', pid: 1, field: 'x', value: 1 })],
    ['a number for comm', withStep({ op: 'patch', image: 'a', pid: 1, field: 'comm', value: 1 })],
    [
      'a string for a record word',
      withStep({ op: 'patch', image: 'a', pid: 1, field: 'state', value: 'x' }),
    ],
    ['an empty load path', withStep({ op: 'load_image', image: 'a', path: '' })],
    ['a bad schedule id', withStep({ op: 'restart', image: 'a', schedule: ['pid:0'] })],
    ['a seedless random schedule', withStep({ op: 'restart', image: 'a', schedule: 'random:' })],
    ['an unknown schedule', withStep({ op: 'restart', image: 'a', schedule: 'lifo' })],
    ['an expect without ok', withStep({ op: 'freeze', expect: { errno: 'EBUSY' } })],
    ['an unknown errno', withStep({ op: 'freeze', expect: { ok: false, errno: 'EBUSYY' } })],
    ['an errno with ok true', withStep({ op: 'freeze', expect: { ok: true, errno: 'EBUSY' } })],
    ['a status with ok false', withStep({ op: 'wait', pid: 1, expect: { ok: false, status: 0 } })],
    ['an unknown expect key', withStep({ op: 'freeze', expect: { ok: true, state: 1 } })],
  ];
  it.each(bad)('both reject %s', (_what, value) => agree(value, 'invalid'));

  it("lists the parser's own keys, ops, states, variants, patch fields and errno names", () => {
    const enumOf = (s: unknown) => (s as { enum: string[] }).enum;
    const task = defs.task as { properties: Record<string, unknown> };
    expect(Object.keys(task.properties)).toEqual([...TREE_KEYS]);
    expect(enumOf(task.properties.state)).toEqual([...TREE_STATES]);
    expect(enumOf(defs.variant)).toEqual([...VARIANTS]);
    const step = defs.step as { properties: { op: unknown } };
    expect(enumOf(step.properties.op)).toEqual(STEP_OPS);
    const patch = defs['op-patch'] as { properties: { field: unknown } };
    expect(enumOf(patch.properties.field)).toEqual([...TASK_PATCH_FIELDS, ...PIDS_PATCH_FIELDS]);
    const expectDef = defs.expect as { properties: { errno: unknown } };
    expect(enumOf(expectDef.properties.errno)).toEqual(Object.keys(ERRNO));
  });
});
