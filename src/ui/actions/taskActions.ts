import type { Step } from '../../engine/scenario/types';
import { check, liveContainer, selectedLiveTask } from './guards';
import type { ActionContext, ActionSpec } from './types';

function withTask(ctx: ActionContext, make: (pid: number) => Step): Promise<unknown> | void {
  const t = selectedLiveTask(ctx);
  if (typeof t === 'string') return;
  return ctx.app.applyStep(make(t.pid));
}

/** Process actions: they act on the selected task at the end of the timeline. */
export const taskActions = {
  fork: {
    label: 'Fork',
    group: 'process',
    shortcut: 'f',
    help: 'fork(): the selected task gets a new child process',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) => withTask(ctx, (pid) => ({ op: 'fork', pid })),
  },
  thread: {
    label: 'Thread',
    group: 'process',
    shortcut: 't',
    help: 'clone(CLONE_THREAD): a new thread in the selected task’s thread group',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) => withTask(ctx, (pid) => ({ op: 'thread', pid })),
  },
  exit: {
    label: 'Exit',
    group: 'process',
    shortcut: 'e',
    help: 'exit_group(status): the selected thread group exits with the Exit status',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) =>
      withTask(ctx, (pid) => ({ op: 'exit', pid, status: ctx.state.params.exitStatus })),
  },
  kill: {
    label: 'Kill',
    group: 'process',
    shortcut: 'k',
    help: 'kill(pid, Signal): the default action of the chosen signal (core: dump core)',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) =>
      withTask(ctx, (pid) => ({
        op: 'kill',
        pid,
        signal: ctx.state.params.signal,
        ...(ctx.state.params.core ? { core: true } : {}),
      })),
  },
  wait: {
    label: 'Wait',
    group: 'process',
    shortcut: 'w',
    help: 'wait4(-1, WNOHANG): the selected task reaps one zombie child',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) => withTask(ctx, (pid) => ({ op: 'wait', pid })),
  },
  'ignore-sigchld': {
    label: 'Ignore SIGCHLD',
    group: 'process',
    shortcut: 'i',
    help: 'SIGCHLD set to SIG_IGN: children of the selected task are reaped as they die',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) => withTask(ctx, (pid) => ({ op: 'ignore_sigchld', pid, ignore: true })),
  },
  pdeathsig: {
    label: 'Pdeath signal',
    group: 'process',
    shortcut: 'p',
    help: 'prctl(PR_SET_PDEATHSIG, Signal) on the selected task',
    enabledWhen: (ctx) => check(selectedLiveTask(ctx)),
    perform: (ctx) =>
      withTask(ctx, (pid) => ({ op: 'pdeathsig', pid, signal: ctx.state.params.signal })),
  },
  ptrace: {
    label: 'Ptrace',
    group: 'process',
    shortcut: 'a',
    help: 'ptrace(PTRACE_ATTACH): the parent of the selected task attaches to it',
    enabledWhen: (ctx) => {
      const t = selectedLiveTask(ctx);
      if (typeof t === 'string') return t;
      const parent = liveContainer(ctx)?.tasks.find((x) => x.pid === t.ppid);
      return parent ? true : `pid ${t.pid} has no parent in the container to trace it`;
    },
    perform: (ctx) => {
      const t = selectedLiveTask(ctx);
      if (typeof t === 'string') return;
      return ctx.app.applyStep({ op: 'ptrace', tracer: t.ppid, tracee: t.pid });
    },
  },
} satisfies Record<string, ActionSpec>;
