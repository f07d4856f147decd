import type { Trail } from '../restart/trail';
import { activeTaskPid } from '../restart/ctx';
import { canRun, isHung } from '../restart/runnable';
import type { Part, RestartCtx, RestartState } from '../restart/types';
import {
  activePid,
  CTX_VIEW_FIELDS,
  CTX_VIEW_KEYS,
  CTX_VIEW_VALUES,
  checkpointCtxOf,
  participantView,
} from '../restart/view';
import type { ParticipantView } from '../snapshot';
import type { FrameChange, ParticipantChange, RestartCtxHead, RestartHead } from './changes';

function sameParticipant(s: RestartState, p: Part, v: ParticipantView): boolean {
  return (
    v.pc === p.pc &&
    v.runnable === canRun(s, p) &&
    v.zombie === (p.kind === 'task' && p.zombie) &&
    v.checkpoint_ctx === checkpointCtxOf(p) &&
    v.hung === isHung(s, p) &&
    v.pid === (p.kind === 'task' ? p.pid : null)
  );
}

/**
 * The restart part of the timeline's recorder: its head (ctx, order, pids) and its participants.
 * A new run (or its end) replaces the participant list; within a run, only the participants a
 * step can have changed are compared, unless the step woke everyone.
 */
export class RestartRecorder {
  private run: RestartState | null = null;
  private head: RestartHead | null = null;
  private parts: ParticipantView[] = [];
  /** Views of the run's pids array, and the growing order and refcount history mirrors. */
  private pidsFrom: unknown = null;
  private pids: number[] = [];
  private order: number[] = [];
  private historyOf: RestartCtx | null = null;
  private history: number[] = [];
  /** Since the last frame: every participant must be compared, or only these (and a few). */
  private allParts = false;
  private readonly stepped: Part[] = [];

  /** Pid of the task holding active_pid as last recorded; null outside a restart or past the end. */
  activePid(): number | null {
    return this.head ? activePid(this.head) : null;
  }

  /** A restart step finished: `p` stepped, and `broadcast` steps may have woken everyone. */
  noteStep(p: Part, broadcast: boolean): void {
    if (broadcast) this.allParts = true;
    else this.stepped.push(p);
  }

  /** Puts into `ch` what changed in the restart since the last call. */
  diff(run: RestartState | null, ch: FrameChange): void {
    this.diffRun(run, ch);
    this.allParts = false;
    this.stepped.length = 0;
  }

  private diffRun(run: RestartState | null, ch: FrameChange): void {
    if (run !== this.run) {
      const before = this.parts;
      this.run = run;
      this.pidsFrom = null;
      this.order = [];
      this.historyOf = null;
      this.history = [];
      this.parts = [];
      if (run) {
        this.parts.push(participantView(run, run.coord));
        for (const p of run.tasks) this.parts.push(participantView(run, p));
      }
      if (before.length || this.parts.length) ch.participantsReset = this.parts.slice();
      const head = run ? this.headOf(run) : null;
      if (head !== this.head) ch.restart = head;
      this.head = head;
      return;
    }
    if (!run) return;
    const changes: ParticipantChange[] = [];
    if (this.allParts) {
      this.diffParticipant(run, run.coord, 0, changes);
      for (let i = 0; i < run.tasks.length; i++)
        this.diffParticipant(run, run.tasks[i], i + 1, changes);
    } else {
      this.diffLikelyParticipants(run, changes);
    }
    if (changes.length) ch.participants = changes;
    if (this.headChanged(run)) {
      const head = this.headOf(run);
      ch.restart = head;
      this.head = head;
    }
  }

  /**
   * The participants a step can change, as stepRestart refreshes its run queue: the one that
   * stepped, the coordinator, the container init, the task whose turn it is, and new ones.
   */
  private diffLikelyParticipants(s: RestartState, out: ParticipantChange[]): void {
    const check = (p: Part | undefined) => {
      if (p) this.diffParticipant(s, p, p.slot, out);
    };
    for (const p of this.stepped) check(p);
    check(s.coord);
    if (s.container) check(s.byPid.get(s.container.init));
    const activePid = s.ctx ? activeTaskPid(s.ctx) : null;
    if (activePid !== null) check(s.byPid.get(activePid));
    for (let i = Math.max(0, this.parts.length - 1); i < s.tasks.length; i++) check(s.tasks[i]);
    // Ascending, so walking the timeline back can truncate participants added in this frame.
    out.sort((a, b) => a.i - b.i);
  }

  private diffParticipant(s: RestartState, p: Part, i: number, out: ParticipantChange[]): void {
    const v = this.parts[i];
    if (v && sameParticipant(s, p, v)) return;
    const next = participantView(s, p);
    out.push({ i, after: next });
    this.parts[i] = next;
  }

  private headChanged(s: RestartState): boolean {
    const h = this.head;
    if (!h) return true;
    if (
      h.finished !== s.finished ||
      h.container !== (s.container?.id ?? 0) ||
      h.orderLength !== s.order.length ||
      this.pidsFrom !== s.pids
    )
      return true;
    const ctx = s.ctx;
    const hc = h.ctx;
    if (!ctx || !hc) return !ctx !== !hc;
    if (this.historyOf !== ctx || hc.historyLength !== ctx.refHistory.length) return true;
    for (const k of CTX_VIEW_VALUES) if (hc[k] !== CTX_VIEW_FIELDS[k](ctx)) return true;
    return false;
  }

  private headOf(s: RestartState): RestartHead {
    if (this.pidsFrom !== s.pids) {
      this.pidsFrom = s.pids;
      this.pids = s.pids.map((e) => e.vpid);
    }
    if (s.order.length < this.order.length) this.order = [];
    for (let i = this.order.length; i < s.order.length; i++) this.order.push(s.order[i]);
    const ctx = s.ctx;
    if (ctx) this.mirrorHistory(ctx);
    return {
      variant: s.variant,
      image: s.imageName,
      container: s.container?.id ?? 0,
      pids: this.pids,
      order: this.order,
      orderLength: s.order.length,
      ctx: ctx ? this.ctxHeadOf(ctx) : null,
      finished: s.finished,
    };
  }

  /** The ctx's head: its values, and the history as the mirror of the trail seen so far. */
  private ctxHeadOf(ctx: RestartCtx): RestartCtxHead {
    const h = {} as Record<keyof RestartCtxHead, unknown>;
    for (const k of CTX_VIEW_KEYS) {
      if (k !== 'refcount_history') h[k] = CTX_VIEW_FIELDS[k](ctx);
      else {
        h.history = this.history;
        h.historyLength = ctx.refHistory.length;
      }
    }
    return h as RestartCtxHead;
  }

  /** Appends the entries the ctx's refcount trail gained since the last look (a trail only grows). */
  private mirrorHistory(ctx: RestartCtx): void {
    const trail = ctx.refHistory;
    if (this.historyOf !== ctx || trail.length < this.history.length) {
      this.historyOf = ctx;
      this.history = [];
    }
    const added: number[] = [];
    let t: Trail<number> | null = trail;
    for (let n = trail.length - this.history.length; n > 0 && t; n--, t = t.prev)
      added.push(t.last);
    for (let i = added.length - 1; i >= 0; i--) this.history.push(added[i]);
  }
}
