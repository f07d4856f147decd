import { useMemo } from 'react';
import { showComm } from '../engine/kernel/comm';
import { describeWaitStatus, signalName } from '../engine/kernel/signals';
import { criuNotes, type CriuNote } from '../engine/import/criu-notes';
import { partId } from '../engine/part-id';
import { activePid } from '../engine/restart/view';
import {
  shownContainer,
  type ParticipantView,
  type RestartView,
  type TaskView,
} from '../engine/snapshot';
import { COORDINATOR_PID } from '../render/tree';
import { selectSelection, selectSnapshot } from '../store/selectors';
import { ActiveBreakpoint } from './ActiveBreakpoint';
import { useDebuggerState } from './context';
import { StepChanges } from './StepChanges';
import { listText } from './listText';

function Fields({ rows }: { rows: [string, string | number][] }) {
  return (
    <dl className="fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function taskRows(t: TaskView): [string, string | number][] {
  return [
    ['pid', t.pid],
    ['tgid', t.tgid],
    ['ppid', t.ppid],
    ['pgid', t.pgid],
    ['sid', t.sid],
    ['comm', showComm(t.comm)],
    ['state', t.state === 'dead' ? 'dead (EXIT_DEAD)' : t.state],
    [
      'exit_code',
      t.state === 'zombie' || t.state === 'dead'
        ? `${t.exit_code} (${describeWaitStatus(t.exit_code)})`
        : t.exit_code,
    ],
    [
      'exit_signal',
      t.exit_signal > 0 ? `${t.exit_signal} (${signalName(t.exit_signal)})` : t.exit_signal,
    ],
    [
      'pdeath_signal',
      t.pdeath_signal > 0 ? `${t.pdeath_signal} (${signalName(t.pdeath_signal)})` : 0,
    ],
    ['frozen', String(t.frozen)],
    ['traced', String(t.traced)],
  ];
}

function pcRows(p: ParticipantView): [string, string | number][] {
  return [
    ['participant', p.id],
    ['pc', p.pc],
    ['checkpoint_ctx', p.checkpoint_ctx === 'ctx' ? 'ctx (this restart)' : 'NULL'],
    [
      'waits',
      p.hung
        ? 'hung: waits for a ctx nobody will give'
        : p.sleeping
          ? 'sleeping (waits for its turn or an event)'
          : 'no',
    ],
    ['runnable', String(p.runnable)],
    ['done', String(p.done)],
  ];
}

function CtxPanel({ r }: { r: RestartView }) {
  const c = r.ctx;
  return (
    <div className="ctx">
      <h3>Restart ctx</h3>
      {c ? (
        <Fields
          rows={[
            ['variant', r.variant],
            ['image', r.image],
            [
              'active_pid',
              `${c.active_pid}${activePid(r) === null ? '' : ` → pid ${activePid(r)}`}`,
            ],
            ['nr_pids', c.nr_pids],
            ['pids', listText(r.pids, ', ')],
            ['refcount', `${c.refcount}  (history ${listText(c.refcount_history, ' → ')})`],
            ['error', c.error ?? 'none'],
            [
              'completion',
              c.completed ? (c.success ? 'completed: success' : 'completed: failed') : 'pending',
            ],
            ['freed', String(c.freed)],
          ]}
        />
      ) : (
        <p className="dim">No ctx yet (image {r.image}).</p>
      )}
    </div>
  );
}

/** What CRIU would refuse at dump or change at restore about this task, next to Linux-CR. */
function CriuPanel({ notes }: { notes: CriuNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="criu-notes">
      <h3>What CRIU would do</h3>
      <ul aria-label="What CRIU would do">
        {notes.map((n) => (
          <li key={n.text}>
            <strong>{n.when === 'dump' ? 'criu dump' : 'criu restore'}</strong>: {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The selected task's task_struct view, its restart PC, and the restart ctx panel. */
export function Inspector() {
  const snapshot = useDebuggerState(selectSnapshot);
  const selection = useDebuggerState(selectSelection);
  const { task, participant, criu } = useMemo(() => {
    if (!snapshot || selection === null) return { task: null, participant: null, criu: [] };
    const r = snapshot.restart;
    const c = shownContainer(snapshot);
    const pid = selection === COORDINATOR_PID ? null : selection;
    const pId = partId(pid);
    const task = c?.tasks.find((t) => t.pid === pid) ?? null;
    // Its thread group (a zombie leader's live threads) and its parent (whether it is the root)
    // matter too; one pass over the container's tasks, no per-task map of a 100,000-task tree.
    const near =
      task && c ? c.tasks.filter((t) => t.tgid === task.tgid || t.pid === task.ppid) : [];
    const criu = task ? criuNotes(near).filter((n) => n.pid === task.pid) : [];
    return {
      task,
      participant: r?.participants.find((p) => p.id === pId) ?? null,
      criu,
    };
  }, [snapshot, selection]);
  return (
    <section className="panel inspector" aria-label="Inspector">
      <div className="panel-head">
        <h2>Inspector</h2>
      </div>
      <div className="panel-body">
        {task ? (
          <>
            <h3>task_struct · pid {task.pid}</h3>
            <Fields rows={taskRows(task)} />
            <CriuPanel notes={criu} />
            <ActiveBreakpoint pid={task.pid} />
          </>
        ) : selection === COORDINATOR_PID ? (
          <h3>restart coordinator</h3>
        ) : (
          <p className="dim">
            {selection === null
              ? 'Select a task in the tree to see its fields.'
              : `pid ${selection} does not exist at this step.`}
          </p>
        )}
        {participant ? (
          <>
            <h3>Restart PC</h3>
            <Fields rows={pcRows(participant)} />
          </>
        ) : null}
        {snapshot?.restart ? <CtxPanel r={snapshot.restart} /> : null}
        <StepChanges />
      </div>
    </section>
  );
}
