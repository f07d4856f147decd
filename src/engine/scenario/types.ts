/** crviz-scenario/1 (CONTRACTS.md section 2), after validation and defaulting. */
import type { PartId } from '../part-id';

export type Variant = 'v18-28' | 'v17' | 'naive' | 'v19' | 'v18-73';
/** In this order in menus and in links (new variants are appended, so old links keep working). */
export const VARIANTS: readonly Variant[] = ['v18-28', 'v17', 'naive', 'v19', 'v18-73'];

export function isVariant(v: unknown): v is Variant {
  return VARIANTS.includes(v as Variant);
}

/** `fifo`, `random:SEED`, or an explicit list of participant ids (`coord`, `pid:N`). */
export type Schedule = 'fifo' | `random:${string}` | PartId[];

export interface TreeEntry {
  pid: number;
  ppid: number;
  tgid: number;
  comm: string;
  state: 'running' | 'stopped' | 'zombie';
  exit_code: number;
  exit_signal: number;
  pdeath_signal: number;
  pgid: number;
  sid: number;
  init: boolean;
}

export interface Expect {
  ok: boolean;
  errno?: string;
  status?: number;
  child?: number;
}

interface StepBase {
  expect?: Expect;
}

export type Step = StepBase &
  (
    | { op: 'fork'; pid: number; child?: number; comm?: string; clone_parent?: boolean }
    | { op: 'thread'; pid: number; tid?: number }
    | { op: 'exit'; pid: number; status: number }
    | { op: 'thread_exit'; pid: number }
    | { op: 'kill'; pid: number; signal: number; core?: boolean }
    | { op: 'wait'; pid: number; child?: number; untraced?: boolean; hold?: boolean }
    | { op: 'release'; pid: number }
    | { op: 'ignore_sigchld'; pid: number; ignore: boolean }
    | { op: 'pdeathsig'; pid: number; signal: number }
    | { op: 'ptrace'; tracer: number; tracee: number }
    | { op: 'ptrace_detach'; tracee: number }
    | { op: 'freeze' }
    | { op: 'thaw' }
    | { op: 'leave_freezer'; pid: number }
    | { op: 'checkpoint'; image: string; root?: number; subtree?: boolean }
    | { op: 'destroy' }
    | { op: 'restart'; image: string; schedule?: Schedule; variant?: Variant }
    | {
        op: 'patch';
        image: string;
        pid: number;
        field: PatchField;
        value: number | string;
        /** The patched image's name; without it the image is patched in place. */
        out?: string;
      }
    | { op: 'corrupt'; image: string; offset: number; hex: string }
    | { op: 'truncate'; image: string; length: number }
    | { op: 'load_image'; image: string; path: string }
  );

export type StepOp = Step['op'];

export const TASK_PATCH_FIELDS = [
  'state',
  'exit_state',
  'exit_code',
  'exit_signal',
  'pdeath_signal',
  'comm',
] as const;
export const PIDS_PATCH_FIELDS = ['vppid', 'vtgid', 'vpgid', 'vsid'] as const;
export type PatchField = (typeof TASK_PATCH_FIELDS)[number] | (typeof PIDS_PATCH_FIELDS)[number];

export interface Scenario {
  format: 'crviz-scenario/1';
  name: string;
  title?: string;
  description?: string;
  variant: Variant;
  tree: TreeEntry[];
  steps: Step[];
}
