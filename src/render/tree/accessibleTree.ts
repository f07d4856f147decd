import { COORD_W, NODE_H, type Placed, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { hiddenText } from './cardTexts';
import { COORDINATOR_PID } from './ids';
import type { Transform } from './panZoom';
import { cardBox, type CardGrid, type Rect } from './spatialIndex';
import { itemFacts } from './treeFacts';
import type { VisibleTree } from './visible';
import './accessibleTree.css';

/** At most this many items of a zoomed-out view are in the DOM (the tree's first ones in view). */
export const MAX_ITEMS = 600;
/** The focused item's first children are kept too: where ArrowRight and a reader go next. */
const NEXT_ITEMS = 32;
/**
 * The top level's first items are kept whatever the view (a reader's start, Home). Only the
 * first: half-way through destroying a 100,000-task container, 36,924 tasks whose parents were
 * released are roots, and keeping them all put 36,924 items in the DOM (a 1.4 s task).
 */
const TOP_ITEMS = 32;

export interface AccessibleFrame {
  layout: TreeLayout;
  grid: CardGrid;
  visible: VisibleTree | null;
  model: TreeModel;
  selected: number | null;
  /** Items kept whatever the view: the focused one, the baton's. */
  keep: (number | null)[];
}

interface Shown {
  el: HTMLDivElement;
  label: string;
  facts: string;
  toggle: string;
  selected: boolean;
  box: string;
}

/**
 * The accessible tree of a canvas-drawn tree: a `role="tree"` of `role="treeitem"` elements for
 * the part in view (plus the top level, the focused item and its first children, the selected
 * one and the baton's),
 * each over its card, transparent, with the SVG card's accessible name and state, and its place
 * in the whole shown tree (aria-level, aria-posinset, aria-setsize), since the DOM holds only
 * some items. Items take the pointer so a click lands on the item (the view hit-tests it with
 * the grid); a closed item's "+N hidden" is there as transparent text over the drawn one, as a
 * PDF viewer's text layer is, for find-in-page. Inside the tree's picture, so a gesture moves
 * the items with it; `setView` places them again when it settles.
 */
export class AccessibleTree {
  readonly root: HTMLDivElement;
  private readonly shown = new Map<number, Shown>();
  private frame: AccessibleFrame | null = null;
  /** The layout the top level was read from (a step that keeps the shape keeps its layout's). */
  private topOf: TreeLayout | null = null;
  /** The top level's first items (TOP_ITEMS), always in the DOM. */
  private top: number[] = [];
  private view: Transform = { x: 0, y: 0, k: 1 };
  private size = { width: 800, height: 500 };
  /** Items asked for by the keyboard (focus) that may lie outside the view. */
  private asked: number | null = null;

  constructor(picture: HTMLElement) {
    this.root = document.createElement('div');
    this.root.className = 'crviz-tree-a11y';
    picture.appendChild(this.root);
  }

  setSize(width: number, height: number): void {
    this.size = { width, height };
  }

  setView(t: Transform): void {
    this.view = { x: t.x, y: t.y, k: t.k };
    this.sync();
  }

  update(frame: AccessibleFrame): void {
    this.frame = frame;
    if (this.topOf !== frame.layout) {
      this.top = [];
      if (frame.model.coordinator && frame.layout.coordinator) this.top.push(COORDINATOR_PID);
      for (const p of frame.layout.placed) {
        if (this.top.length >= TOP_ITEMS) break;
        if (p.depth === 0) this.top.push(p.node.pid);
      }
      this.topOf = frame.layout;
    }
    this.sync();
  }

  /** Whether `pid` is an item of the shown tree (the coordinator's pill included). */
  private has(f: AccessibleFrame, pid: number): boolean {
    if (pid === COORDINATOR_PID) return !!f.model.coordinator && !!f.layout.coordinator;
    return f.layout.indexOf.has(pid);
  }

  /** The first NEXT_ITEMS children of a shown card: the cards after it in pre-order, a level down. */
  private childrenOf(f: AccessibleFrame, pid: number): number[] {
    const at = f.layout.indexOf.get(pid);
    if (at === undefined) return [];
    const { placed } = f.layout;
    const depth = placed[at].depth;
    const out: number[] = [];
    for (let i = at + 1; i < placed.length && placed[i].depth > depth; i++) {
      if (placed[i].depth === depth + 1) out.push(placed[i].node.pid);
      if (out.length === NEXT_ITEMS) break;
    }
    return out;
  }

  /** The item of a shown task, brought into the DOM if it is not (for the keyboard's focus). */
  element(pid: number): HTMLElement | null {
    if (!this.frame || !this.has(this.frame, pid)) return null;
    if (this.asked !== pid || !this.shown.has(pid)) {
      this.asked = pid;
      this.sync();
    }
    return this.shown.get(pid)?.el ?? null;
  }

  clear(): void {
    this.frame = null;
    this.sync();
  }

  private wanted(f: AccessibleFrame): number[] {
    const t = this.view;
    const view: Rect = {
      x0: -t.x / t.k,
      y0: -t.y / t.k,
      x1: (this.size.width - t.x) / t.k,
      y1: (this.size.height - t.y) / t.k,
    };
    const indexes = f.grid.query(view).slice(0, MAX_ITEMS);
    const pids = new Set<number>();
    for (const pid of this.top) pids.add(pid);
    for (const i of indexes) pids.add(f.layout.placed[i].node.pid);
    const next = this.asked === null ? [] : this.childrenOf(f, this.asked);
    for (const pid of [...f.keep, f.selected, this.asked, ...next])
      if (pid !== null && this.has(f, pid)) pids.add(pid);
    // Tree order: the coordinator first, then the layout's pre-order (keyboard order).
    const rank = (pid: number) => (pid === COORDINATOR_PID ? -1 : (f.layout.indexOf.get(pid) ?? 0));
    return [...pids].sort((a, b) => rank(a) - rank(b));
  }

  private sync(): void {
    const f = this.frame;
    const want = f ? this.wanted(f) : [];
    const keep = new Set(want);
    const focused = document.activeElement;
    let refocus: HTMLElement | null = null;
    for (const [pid, s] of this.shown) {
      if (keep.has(pid)) continue;
      s.el.remove();
      this.shown.delete(pid);
    }
    let cursor = this.root.firstElementChild;
    for (const pid of want) {
      let s = this.shown.get(pid);
      if (!s) {
        const el = document.createElement('div');
        el.setAttribute('role', 'treeitem');
        el.setAttribute('tabindex', '-1');
        el.setAttribute('data-pid', String(pid));
        el.className = 'crviz-tree-item';
        s = { el, label: '', facts: '', toggle: '', selected: false, box: '' };
        this.shown.set(pid, s);
      }
      this.write(s, pid, f!);
      if (s.el === cursor) {
        cursor = cursor.nextElementSibling;
      } else {
        if (s.el === focused) refocus = s.el;
        this.root.insertBefore(s.el, cursor);
      }
    }
    // Moving an element takes its focus away; the screen reader's place is the same item.
    if (refocus && document.activeElement !== refocus) refocus.focus({ preventScroll: true });
  }

  private write(s: Shown, pid: number, f: AccessibleFrame): void {
    const el = s.el;
    const facts = itemFacts(f.layout, pid);
    const factsKey = facts ? `${facts.level}:${facts.posinset}:${facts.setsize}` : '';
    if (factsKey !== s.facts && facts) {
      s.facts = factsKey;
      el.setAttribute('aria-level', String(facts.level));
      el.setAttribute('aria-posinset', String(facts.posinset));
      el.setAttribute('aria-setsize', String(facts.setsize));
    }
    const t = this.view;
    let rect: Rect;
    let label: string;
    if (pid === COORDINATOR_PID) {
      const c = f.layout.coordinator!;
      label = f.model.coordinator!.name;
      rect = {
        x0: c.x - COORD_W / 2,
        y0: c.y - NODE_H / 2,
        x1: c.x + COORD_W / 2,
        y1: c.y + NODE_H / 2,
      };
    } else {
      const p: Placed = f.layout.placed[f.layout.indexOf.get(pid)!];
      label = p.node.name;
      rect = cardBox(p);
    }
    if (label !== s.label) {
      s.label = label;
      el.setAttribute('aria-label', label);
    }
    const tg = f.visible?.toggles.get(pid);
    const toggle = tg ? `${tg.expanded}:${tg.hidden}` : '';
    const w = (rect.x1 - rect.x0) * t.k;
    const h = (rect.y1 - rect.y0) * t.k;
    const box = `${t.x + t.k * rect.x0},${t.y + t.k * rect.y0},${w},${h}`;
    if (toggle !== s.toggle || box !== s.box) {
      if (toggle !== s.toggle) {
        if (tg) el.setAttribute('aria-expanded', String(tg.expanded));
        else el.removeAttribute('aria-expanded');
        if (tg && !tg.expanded) el.setAttribute('aria-description', `${tg.hidden} tasks hidden`);
        else el.removeAttribute('aria-description');
      }
      s.toggle = toggle;
      this.drawToggle(el, tg ?? null, w, h, t.k);
    }
    if (box !== s.box) {
      s.box = box;
      el.style.left = `${t.x + t.k * rect.x0}px`;
      el.style.top = `${t.y + t.k * rect.y0}px`;
      el.style.width = `${w}px`;
      el.style.height = `${h}px`;
    }
    const sel = f.selected === pid;
    if (sel !== s.selected || !el.hasAttribute('aria-selected')) {
      s.selected = sel;
      el.setAttribute('aria-selected', String(sel));
    }
  }

  /**
   * The toggle's pointer target over the drawn circle (r 8 on the card's bottom edge) and the
   * closed subtree's "+N hidden" as transparent text over the drawn one.
   */
  private drawToggle(
    el: HTMLElement,
    t: { expanded: boolean; hidden: number } | null,
    w: number,
    h: number,
    k: number,
  ): void {
    let toggle = el.querySelector<HTMLElement>('.toggle');
    let more = el.querySelector<HTMLElement>('.more');
    if (!t) {
      toggle?.remove();
      more?.remove();
      return;
    }
    if (!toggle) {
      toggle = el.appendChild(document.createElement('span'));
      toggle.className = 'toggle';
      toggle.setAttribute('aria-hidden', 'true');
    }
    const r = 8 * k;
    toggle.style.left = `${w / 2 - r}px`;
    toggle.style.top = `${h - r}px`;
    toggle.style.width = toggle.style.height = `${2 * r}px`;
    if (t.expanded) {
      more?.remove();
      return;
    }
    if (!more) {
      more = el.appendChild(document.createElement('span'));
      more.className = 'more';
      more.setAttribute('aria-hidden', 'true');
    }
    more.textContent = hiddenText(t.hidden);
    more.style.top = `${h + 13 * k}px`;
    more.style.fontSize = `${11 * k}px`;
  }
}
