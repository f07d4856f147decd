/** Validation of `steps` (CONTRACTS 2.2): one field table per op, checked key by key. */
import { ERRNO } from '../errno';
import { quote } from '../quote';
import {
  asObject,
  bad,
  bool,
  checkKeys,
  has,
  int,
  oneOf,
  pid,
  signal,
  str,
  type Obj,
} from './parse-fields';
import { truncateComm } from '../kernel/comm';
import { didYouMean } from './parse-suggest';
import { parseSchedule } from './parse-schedule';
import {
  PIDS_PATCH_FIELDS,
  TASK_PATCH_FIELDS,
  VARIANTS,
  type Expect,
  type PatchField,
  type Step,
  type StepOp,
} from './types';

type Kind =
  | 'pid'
  | 'bool'
  | 'status'
  | 'signal'
  | 'comm'
  | 'image'
  | 'schedule'
  | 'variant'
  | 'field'
  | 'value'
  | 'offset'
  | 'hex'
  | 'path';

/** key -> kind; a trailing `?` on the key marks it optional. Order is the order of the output. */
const OPS: Record<StepOp, Record<string, Kind>> = {
  fork: { pid: 'pid', 'child?': 'pid', 'comm?': 'comm', 'clone_parent?': 'bool' },
  thread: { pid: 'pid', 'tid?': 'pid' },
  exit: { pid: 'pid', status: 'status' },
  thread_exit: { pid: 'pid' },
  kill: { pid: 'pid', signal: 'signal', 'core?': 'bool' },
  wait: { pid: 'pid', 'child?': 'pid', 'untraced?': 'bool', 'hold?': 'bool' },
  release: { pid: 'pid' },
  ignore_sigchld: { pid: 'pid', ignore: 'bool' },
  pdeathsig: { pid: 'pid', signal: 'signal' },
  ptrace: { tracer: 'pid', tracee: 'pid' },
  ptrace_detach: { tracee: 'pid' },
  freeze: {},
  thaw: {},
  leave_freezer: { pid: 'pid' },
  checkpoint: { image: 'image', 'root?': 'pid', 'subtree?': 'bool' },
  destroy: {},
  restart: { image: 'image', 'schedule?': 'schedule', 'variant?': 'variant' },
  patch: { image: 'image', pid: 'pid', field: 'field', value: 'value', 'out?': 'image' },
  corrupt: { image: 'image', offset: 'offset', hex: 'hex' },
  truncate: { image: 'image', length: 'offset' },
  load_image: { image: 'image', path: 'path' },
};

export const STEP_OPS = Object.keys(OPS) as StepOp[];
const PATCH_FIELDS: readonly PatchField[] = [...TASK_PATCH_FIELDS, ...PIDS_PATCH_FIELDS];
const EXPECT_KEYS = ['ok', 'errno', 'status', 'child'] as const;
const ERRNO_NAMES = Object.keys(ERRNO);
/** Image names become file names under `run --out`, so only portable, separator-free ones. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

export function parseSteps(raw: unknown): Step[] {
  if (!Array.isArray(raw)) bad('steps', 'must be an array of steps');
  return raw.map((item, i) => parseStep(item, `steps[${i}]`));
}

function parseStep(item: unknown, place: string): Step {
  const o = asObject(item, place);
  if (!has(o, 'op')) bad(place, 'missing required key "op"');
  if (typeof o.op !== 'string') bad(place, '"op" must be a string');
  const op = o.op as StepOp;
  if (!Object.prototype.hasOwnProperty.call(OPS, op)) {
    bad(place, `unknown op ${quote(o.op)}${didYouMean(o.op, STEP_OPS)}`);
  }
  const spec = OPS[op];
  const keys = Object.keys(spec).map((k) => k.replace(/\?$/, ''));
  checkKeys(o, ['op', ...keys, 'expect'], place);
  const step: Record<string, unknown> = { op };
  for (const [k, kind] of Object.entries(spec)) {
    const key = k.replace(/\?$/, '');
    if (k.endsWith('?') && !has(o, key)) continue;
    step[key] = field(o, key, kind, place);
  }
  if (step.field !== undefined) checkPatchValue(step.field as PatchField, o, place);
  if (has(o, 'expect')) step.expect = parseExpect(o.expect, `${place}.expect`);
  return step as unknown as Step;
}

function field(o: Obj, key: string, kind: Kind, place: string): unknown {
  switch (kind) {
    case 'pid':
      return pid(o, key, place);
    case 'bool':
      return bool(o, key, place);
    case 'status':
      return int(o, key, place, 0, 255);
    case 'signal':
      return signal(o, key, place);
    case 'comm':
      return truncateComm(str(o, key, place));
    case 'image': {
      const v = str(o, key, place);
      if (!SAFE_NAME.test(v)) {
        bad(place, `"${key}" must be a name made of A-Z a-z 0-9 . _ - (it becomes a file name)`);
      }
      return v;
    }
    case 'schedule':
      return parseSchedule(o[key], place);
    case 'variant':
      return oneOf(o, key, place, VARIANTS);
    case 'field':
      return oneOf(o, key, place, PATCH_FIELDS);
    case 'value':
      return o[key] ?? bad(place, 'missing required key "value"'); // checked with its field
    case 'offset':
      return int(o, key, place, 0, 0x7fffffff);
    case 'hex': {
      const v = str(o, key, place);
      if (v.length === 0 || v.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(v)) {
        bad(place, `"${key}" must be a non-empty, even-length string of hex digits`);
      }
      return v.toLowerCase();
    }
    case 'path': {
      const v = str(o, key, place);
      if (v.length === 0) bad(place, `"${key}" must not be empty`);
      return v;
    }
  }
}

/** `comm` takes a string; every other field is a 32-bit record word, signed or not. */
function checkPatchValue(f: PatchField, o: Obj, place: string): void {
  if (f === 'comm') {
    str(o, 'value', place);
    return;
  }
  int(o, 'value', place, -0x80000000, 0xffffffff);
}

function parseExpect(raw: unknown, place: string): Expect {
  const o = asObject(raw, place);
  checkKeys(o, EXPECT_KEYS, place);
  const e: Expect = { ok: bool(o, 'ok', place) };
  if (has(o, 'errno')) {
    const v = str(o, 'errno', place);
    if (!ERRNO_NAMES.includes(v))
      bad(place, `unknown errno ${quote(v)}${didYouMean(v, ERRNO_NAMES)}`);
    if (e.ok) bad(place, '"errno" only makes sense with "ok": false');
    e.errno = v;
  }
  if (has(o, 'status')) e.status = int(o, 'status', place, 0, 0xffffffff);
  if (has(o, 'child')) e.child = int(o, 'child', place, 0, 0x7fffffff);
  if (!e.ok && (e.status !== undefined || e.child !== undefined)) {
    bad(place, '"status" and "child" only make sense with "ok": true');
  }
  return e;
}
