/** PTRACE_ATTACH / PTRACE_DETACH. */
import { kerror, ok, type KResult } from '../errno';
import { TASK_RUNNING, TASK_TRACED } from './constants';
import type { World } from './types';
import { begin, emit, refuse } from './operation';
import { partId } from '../part-id';
import { alive } from './tree';

export function ptraceAttach(
  world: World,
  args: { tracer: number; tracee: number },
): KResult<{ pid: number }> {
  const b = begin(world, args.tracer, 'ptrace_attach', true);
  if (!b.ok) return b;
  const { c, t: tracer } = b;
  const actor = partId(tracer.pid);
  const tracee = c.tasks.get(args.tracee);
  if (!tracee) {
    return refuse(
      world,
      actor,
      'ptrace_attach',
      kerror('ESRCH', `no task with pid ${String(args.tracee)}`),
      args.tracee,
    );
  }
  let why = '';
  if (tracee.tgid === tracer.tgid) why = `${tracee.pid} is in the tracer's own thread group`;
  else if (!alive(tracee)) why = `${tracee.pid} is a zombie or exiting`;
  else if (tracee.ptracer) why = `${tracee.pid} is already traced by ${tracee.ptracer}`;
  if (why) return refuse(world, actor, 'ptrace_attach', kerror('EPERM', why), tracee.pid);
  tracee.ptracer = tracer.pid;
  tracer.tracees++;
  // The SIGSTOP that PTRACE_ATTACH sends leaves the tracee stopped for its tracer.
  tracee.state = TASK_TRACED;
  emit(
    world,
    actor,
    'ptrace_attach',
    `${tracer.pid} traces ${tracee.pid}, which stops (TASK_TRACED)`,
    tracee.pid,
    {
      tracer: tracer.pid,
    },
  );
  return ok({ pid: tracee.pid });
}

/** The tracer detaches; the tracer must be able to run to make the call. */
export function ptraceDetach(world: World, args: { tracee: number }): KResult<{ pid: number }> {
  const b = begin(world, args.tracee, 'ptrace_detach', false, 'user');
  if (!b.ok) return b;
  const { t } = b;
  if (!t.ptracer) {
    return refuse(
      world,
      'user',
      'ptrace_detach',
      kerror('ESRCH', `task ${t.pid} is not traced`),
      t.pid,
    );
  }
  const tr = begin(world, t.ptracer, 'ptrace_detach', true);
  if (!tr.ok) return tr;
  tr.t.tracees--;
  t.ptracer = 0;
  t.state = TASK_RUNNING;
  emit(
    world,
    partId(tr.t.pid),
    'ptrace_detach',
    `${tr.t.pid} detaches from ${t.pid}, which resumes`,
    t.pid,
    {
      tracer: tr.t.pid,
    },
  );
  return ok({ pid: t.pid });
}
