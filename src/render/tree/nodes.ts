import { select } from 'd3';
import { cardClass, createCard, drawCard, drawToggle } from './draw';
import type { Placed } from './layout';
import type { TaskNode } from './model';
import { nextSliceBudget, planSlices } from './slices';
import type { VisibleTree } from './visible';

/**
 * Above this many entering, leaving or moving cards a change is shown at once: a few thousand
 * simultaneous transitions cost more frame time than the motion is worth.
 */
export const MAX_ANIMATED = 300;

/**
 * Drawing (and so styling and laying out) thousands of cards at once, e.g. when a restarted
 * 2,000-task container appears, a big tree is frozen or a big subtree opens, is one long task.
 * They are drawn in slices of a few milliseconds, one per frame (the browser then styles, lays
 * out and paints what a slice made), so the tree fills in over a few frames while the page
 * keeps responding; the budget adapts to how long frames take (see slices.ts).
 */
const FIRST_SLICE_MS = 8;
/** New or changed cards always drawn in one go: a small change appears at once. */
export const ENTER_AT_ONCE = 150;

/**
 * Removes `gone` children of `layer`, each run of neighbours with one Range: closing a big
 * subtree removes thousands of cards, one by one that took 50 ms. Unlike replaceChildren it
 * leaves the other cards in place, so the focused one (the card just closed) keeps focus.
 */
function removeRuns(layer: Element, gone: Set<Element>): void {
  const range = document.createRange();
  let first: Element | null = null;
  let last: Element | null = null;
  const flush = () => {
    if (first && last) {
      range.setStartBefore(first);
      range.setEndAfter(last);
      range.deleteContents();
    }
    first = last = null;
  };
  for (let c = layer.firstElementChild; c;) {
    const next = c.nextElementSibling;
    if (gone.has(c)) {
      first ??= c;
      last = c;
    } else {
      flush();
    }
    c = next;
  }
  flush();
}

interface Entry {
  el: SVGGElement;
  node: TaskNode | null;
  x: number;
  y: number;
  depth: number;
  cls: string;
  toggle: string;
  selected: boolean;
}

export interface NodeFrame {
  placed: Placed[];
  visible: VisibleTree | null;
  selected: number | null;
  dur: number;
  /** Changed or new cards drawn at once before the rest go to slices (an export: all). */
  atOnce?: number;
}

/**
 * The task cards, kept by pid. Each update compares a card with what it last showed and touches
 * the DOM only where something changed, so stepping or selecting in a big tree costs the
 * changes, not the tree.
 */
export class NodeLayer {
  private readonly entries = new Map<number, Entry>();
  /** Cards still to create or redraw, a slice per animation frame. */
  private pending: Placed[] = [];
  private sliceMs = FIRST_SLICE_MS;
  /** When the last slice ran, 0 when the next one starts a fill. */
  private lastSlice = 0;
  private pendingFrame: Omit<NodeFrame, 'placed'> | null = null;
  private raf = 0;

  constructor(
    private readonly layer: SVGGElement,
    private readonly hatchId: string,
    /** Told while cards are still being created (the tree is then aria-busy). */
    private readonly onBusy: (busy: boolean) => void,
  ) {}

  /** The card of a shown task, for focus. */
  element(pid: number): SVGGElement | null {
    return this.entries.get(pid)?.el ?? null;
  }

  /** Where a shown task's card is now (layout coordinates). */
  position(pid: number): { x: number; y: number } | null {
    const e = this.entries.get(pid);
    return e ? { x: e.x, y: e.y } : null;
  }

  update({ placed, visible, selected, dur, atOnce = ENTER_AT_ONCE }: NodeFrame): void {
    const seen = new Set<number>();
    let changes = 0;
    for (const p of placed) {
      seen.add(p.node.pid);
      const e = this.entries.get(p.node.pid);
      if (!e || e.x !== p.x || e.y !== p.y) changes++;
    }
    for (const pid of this.entries.keys()) if (!seen.has(pid)) changes++;
    const animate = dur > 0 && changes <= MAX_ANIMATED;

    const gone: SVGGElement[] = [];
    for (const [pid, e] of this.entries) {
      if (seen.has(pid)) continue;
      this.entries.delete(pid);
      gone.push(e.el);
    }
    if (animate) {
      for (const el of gone) {
        // A fading card is no longer an item of the tree.
        el.removeAttribute('data-pid');
        el.setAttribute('role', 'none');
        select(el).transition().duration(dur).attr('opacity', 0).remove();
      }
    } else if (gone.length > ENTER_AT_ONCE) {
      removeRuns(this.layer, new Set(gone));
    } else {
      for (const el of gone) el.remove();
    }
    const plan = planSlices(placed, (pid) => this.entries.get(pid)?.node, atOnce);
    for (const p of plan.now) this.place(p, visible, selected, animate ? dur : 0);
    // The work before this (model, layout, the cheap cards) already took part of this frame.
    this.pending = plan.later;
    this.lastSlice = 0;
    this.pendingFrame = { visible, selected, dur: 0 };
    if (this.pending.length && !this.raf) this.raf = requestAnimationFrame(this.flush);
    this.onBusy(this.pending.length > 0);
  }

  /** Draws the next slice of pending cards; updates replace the queue, so it is never stale. */
  private readonly flush = () => {
    this.raf = 0;
    const f = this.pendingFrame;
    if (!f) return;
    const start = performance.now();
    if (this.lastSlice) this.sliceMs = nextSliceBudget(this.sliceMs, start - this.lastSlice);
    this.lastSlice = start;
    const end = start + this.sliceMs;
    let i = 0;
    while (i < this.pending.length) {
      this.place(this.pending[i++], f.visible, f.selected, 0);
      if ((i & 7) === 0 && performance.now() > end) break;
    }
    this.pending.splice(0, i);
    if (this.pending.length) this.raf = requestAnimationFrame(this.flush);
    else this.onBusy(false);
  };

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.pending = [];
  }

  private place(p: Placed, visible: VisibleTree | null, selected: number | null, dur: number) {
    const n = p.node;
    let e = this.entries.get(n.pid);
    const at = `translate(${p.x},${p.y})`;
    if (!e) {
      const el = createCard(n.isThread);
      el.setAttribute('data-pid', String(n.pid));
      el.setAttribute('transform', at);
      this.layer.appendChild(el);
      e = { el, node: null, x: p.x, y: p.y, depth: -1, cls: '', toggle: '', selected: false };
      this.entries.set(n.pid, e);
      // An opacity, even 1, gives each card an effect node of its own: thousands of paint
      // chunks for the compositor to layerize at every frame. It is there only while fading in.
      if (dur > 0) {
        select(el)
          .attr('opacity', 0)
          .transition()
          .duration(dur)
          .attr('opacity', 1)
          .on('end', () => el.removeAttribute('opacity'));
      }
    } else if (e.x !== p.x || e.y !== p.y) {
      e.x = p.x;
      e.y = p.y;
      if (dur > 0) select(e.el).transition('move').duration(dur).attr('transform', at);
      else select(e.el).interrupt('move').attr('transform', at);
    }
    const el = e.el;
    if (e.node !== n) {
      // TaskNodes are memoised per task (model.ts): a new object means the task changed.
      if (!e.node || e.node.name !== n.name) el.setAttribute('aria-label', n.name);
      drawCard(el, n, this.hatchId);
      e.node = n;
    }
    if (e.depth !== p.depth) {
      e.depth = p.depth;
      el.setAttribute('aria-level', String(p.depth + 1));
    }
    const t = visible?.toggles.get(n.pid) ?? null;
    const toggle = t ? `${t.expanded}:${t.hidden}` : '';
    if (toggle !== e.toggle) {
      e.toggle = toggle;
      drawToggle(el, t, n.isThread);
      if (t) el.setAttribute('aria-expanded', String(t.expanded));
      else el.removeAttribute('aria-expanded');
      if (t && !t.expanded) el.setAttribute('aria-description', `${t.hidden} tasks hidden`);
      else el.removeAttribute('aria-description');
    }
    const cls = cardClass(n, selected, !!t && !t.expanded);
    if (cls !== e.cls) {
      e.cls = cls;
      el.setAttribute('class', cls);
    }
    const sel = selected === n.pid;
    if (sel !== e.selected || !el.hasAttribute('aria-selected')) {
      e.selected = sel;
      el.setAttribute('aria-selected', String(sel));
    }
  }
}
