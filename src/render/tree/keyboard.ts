/**
 * What the keyboard needs to know about the shown tree, from the view: read when a key is
 * pressed, not copied at every step (a big forest shows tens of thousands of items).
 */
export interface KeyboardTree {
  /** How many items are shown; they are 0 … size − 1 in pre-order (the coordinator first). */
  size: number;
  /** The item at a place of the pre-order. */
  at(i: number): number;
  /** The place of an item in the pre-order, undefined for one not shown. */
  indexOf(pid: number): number | undefined;
  parentOf(pid: number): number | null | undefined;
  /** Open state of an item that has children, undefined for one that has none. */
  expanded(pid: number): boolean | undefined;
  /** The element of a shown item. */
  element(pid: number): Element | null;
}

const NO_TREE: KeyboardTree = {
  size: 0,
  at: () => NaN,
  indexOf: () => undefined,
  parentOf: () => undefined,
  expanded: () => undefined,
  element: () => null,
};

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
  private tree: KeyboardTree = NO_TREE;
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
    if (this.focused === null || tree.indexOf(this.focused) === undefined) {
      const first = tree.size ? tree.at(0) : null;
      this.focused = selected !== null && tree.indexOf(selected) !== undefined ? selected : first;
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
    const tree = this.tree;
    const i = tree.indexOf(pid) ?? -1;
    const last = tree.size - 1;
    const item = (k: number) => (k >= 0 && k <= last ? tree.at(k) : undefined);
    let handled = true;
    switch (ev.key) {
      case 'ArrowDown':
        this.focus(item(Math.min(last, i + 1)));
        break;
      case 'ArrowUp':
        this.focus(item(Math.max(0, i - 1)));
        break;
      case 'ArrowLeft':
        if (tree.expanded(pid) === true) this.callbacks.onExpand(pid, false);
        else this.focus(tree.parentOf(pid));
        break;
      case 'ArrowRight': {
        const next = item(i + 1);
        if (tree.expanded(pid) === false) this.callbacks.onExpand(pid, true);
        else if (next !== undefined && tree.parentOf(next) === pid) this.focus(next);
        break;
      }
      case 'Home':
        this.focus(item(0));
        break;
      case 'End':
        this.focus(item(last));
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
