/**
 * Roving-tabindex keyboard navigation over the tree's treeitems: one item is tabbable, arrow keys
 * move focus (Up/Down in pre-order, Left to the parent, Right to the first child), Home/End,
 * Enter or Space selects. Handled keys are preventDefault-ed so page shortcuts skip them.
 */
export class TreeKeyboard {
  private order: number[] = [];
  private parents = new Map<number, number | null>();
  private focused: number | null = null;
  private readonly onKey = (ev: KeyboardEvent) => this.handle(ev);
  private readonly onFocus = (ev: FocusEvent) => {
    const pid = this.pidOf(ev.target);
    if (pid !== null) this.focused = pid;
  };

  constructor(
    private readonly root: SVGSVGElement,
    private readonly onSelect: (pid: number) => void,
  ) {
    root.addEventListener('keydown', this.onKey);
    root.addEventListener('focusin', this.onFocus);
  }

  setOrder(order: number[], parents: Map<number, number | null>, selected: number | null): void {
    this.order = order;
    this.parents = parents;
    if (this.focused === null || !order.includes(this.focused)) {
      this.focused = selected !== null && order.includes(selected) ? selected : (order[0] ?? null);
    }
    for (const el of this.items()) {
      el.setAttribute('tabindex', this.pidOf(el) === this.focused ? '0' : '-1');
    }
  }

  destroy(): void {
    this.root.removeEventListener('keydown', this.onKey);
    this.root.removeEventListener('focusin', this.onFocus);
  }

  private items(): Element[] {
    return Array.from(this.root.querySelectorAll('[data-pid]'));
  }

  private pidOf(target: EventTarget | null): number | null {
    const el = target instanceof Element ? target.closest('[data-pid]') : null;
    return el ? Number(el.getAttribute('data-pid')) : null;
  }

  private focus(pid: number | undefined | null): void {
    if (pid === undefined || pid === null) return;
    const el = this.items().find((e) => this.pidOf(e) === pid);
    if (!el) return;
    this.focused = pid;
    for (const other of this.items()) other.setAttribute('tabindex', other === el ? '0' : '-1');
    (el as SVGGElement).focus();
  }

  private handle(ev: KeyboardEvent): void {
    const pid = this.pidOf(ev.target);
    if (pid === null) return;
    const i = this.order.indexOf(pid);
    let handled = true;
    switch (ev.key) {
      case 'ArrowDown':
        this.focus(this.order[Math.min(this.order.length - 1, i + 1)]);
        break;
      case 'ArrowUp':
        this.focus(this.order[Math.max(0, i - 1)]);
        break;
      case 'ArrowLeft':
        this.focus(this.parents.get(pid));
        break;
      case 'ArrowRight':
        this.focus(this.order.find((p) => this.parents.get(p) === pid));
        break;
      case 'Home':
        this.focus(this.order[0]);
        break;
      case 'End':
        this.focus(this.order[this.order.length - 1]);
        break;
      case 'Enter':
      case ' ':
        this.onSelect(pid);
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
