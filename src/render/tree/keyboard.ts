/** What the keyboard needs to know about the shown tree, from the view. */
export interface KeyboardTree {
  /** Shown items in pre-order (the coordinator first during a restart). */
  order: number[];
  parents: Map<number, number | null>;
  /** Open state of the items that have children. */
  expanded: Map<number, boolean>;
  /** The element of a shown item. */
  element(pid: number): Element | null;
}

export interface KeyboardCallbacks {
  onSelect(pid: number): void;
  onExpand(pid: number, expanded: boolean): void;
}

/**
 * Roving-tabindex keyboard navigation over the tree's treeitems, as the WAI-ARIA tree pattern
 * says: one item is tabbable, Up/Down move in pre-order, Right opens a closed item or moves to
 * the first child, Left closes an open item or moves to the parent, Home/End, Enter or Space
 * selects. Handled keys are preventDefault-ed so page shortcuts skip them.
 */
export class TreeKeyboard {
  private tree: KeyboardTree = {
    order: [],
    parents: new Map(),
    expanded: new Map(),
    element: () => null,
  };
  private index = new Map<number, number>();
  private focused: number | null = null;
  private tabbable: Element | null = null;
  private readonly onKey = (ev: KeyboardEvent) => this.handle(ev);
  private readonly onFocus = (ev: FocusEvent) => {
    const pid = this.pidOf(ev.target);
    if (pid !== null) this.focused = pid;
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly callbacks: KeyboardCallbacks,
  ) {
    root.addEventListener('keydown', this.onKey);
    root.addEventListener('focusin', this.onFocus);
  }

  setTree(tree: KeyboardTree, selected: number | null): void {
    this.tree = tree;
    this.index = new Map(tree.order.map((pid, i) => [pid, i]));
    if (this.focused === null || !this.index.has(this.focused)) {
      this.focused =
        selected !== null && this.index.has(selected) ? selected : (tree.order[0] ?? null);
    }
    this.makeTabbable(this.focused === null ? null : tree.element(this.focused));
  }

  destroy(): void {
    this.root.removeEventListener('keydown', this.onKey);
    this.root.removeEventListener('focusin', this.onFocus);
  }

  /** Only one item is in the tab order; the rest keep tabindex -1 (set when they are created). */
  private makeTabbable(el: Element | null): void {
    if (el === this.tabbable && el?.getAttribute('tabindex') === '0') return;
    if (this.tabbable?.isConnected) this.tabbable.setAttribute('tabindex', '-1');
    this.tabbable = el;
    el?.setAttribute('tabindex', '0');
  }

  private pidOf(target: EventTarget | null): number | null {
    const el = target instanceof Element ? target.closest('[data-pid]') : null;
    return el ? Number(el.getAttribute('data-pid')) : null;
  }

  /** The drawing changed (SVG to canvas or back): the focused item's new element takes the focus. */
  refocus(): void {
    if (this.focused !== null) this.focus(this.focused);
  }

  /** Moves the focus (and the tab stop) to a shown item, as if the user had arrowed to it. */
  focusItem(pid: number): boolean {
    if (!this.tree.element(pid)) return false;
    this.focus(pid);
    return true;
  }

  private focus(pid: number | undefined | null): void {
    if (pid === undefined || pid === null) return;
    const el = this.tree.element(pid);
    if (!el) return;
    this.focused = pid;
    this.makeTabbable(el);
    (el as HTMLElement | SVGGElement).focus({ preventScroll: true });
  }

  private handle(ev: KeyboardEvent): void {
    const pid = this.pidOf(ev.target);
    if (pid === null) return;
    const { order, parents, expanded } = this.tree;
    const i = this.index.get(pid) ?? -1;
    let handled = true;
    switch (ev.key) {
      case 'ArrowDown':
        this.focus(order[Math.min(order.length - 1, i + 1)]);
        break;
      case 'ArrowUp':
        this.focus(order[Math.max(0, i - 1)]);
        break;
      case 'ArrowLeft':
        if (expanded.get(pid) === true) this.callbacks.onExpand(pid, false);
        else this.focus(parents.get(pid));
        break;
      case 'ArrowRight':
        if (expanded.get(pid) === false) this.callbacks.onExpand(pid, true);
        else if (parents.get(order[i + 1]) === pid) this.focus(order[i + 1]);
        break;
      case 'Home':
        this.focus(order[0]);
        break;
      case 'End':
        this.focus(order[order.length - 1]);
        break;
      case 'Enter':
      case ' ':
        this.callbacks.onSelect(pid);
        break;
      default:
        handled = false;
    }
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  }
}
