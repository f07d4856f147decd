import type { CanvasTree } from './canvasTree';
import type { Transform } from './panZoom';
import type { RenderMode } from './renderMode';
import type { SvgTree } from './svgTree';

const thousands = new Intl.NumberFormat('en');

/**
 * Which of the two drawings (svgTree.ts, canvasTree.ts, chosen by renderMode.ts) is the tree's
 * `role="tree"` element, and what that element says: its name, aria-busy and aria-description.
 * Switching moves them, and the focus, from one drawing to the other.
 */
export class DrawingSwitch {
  private current: RenderMode = 'svg';
  private described = '';
  /** The focus was in the old drawing: the keyboard puts it back in the new one. */
  refocusPending = false;

  /** `frame` holds both drawings; it wears `busy` too, for the eye (tree.css). */
  constructor(
    private readonly svg: SvgTree,
    private readonly canvas: CanvasTree,
    private readonly frame: Element,
  ) {}

  get mode(): RenderMode {
    return this.current;
  }

  /** The element with role="tree": the SVG, or the canvas's accessible tree. */
  treeElement(): Element {
    return this.current === 'svg' ? this.svg.element : this.canvas.a11y.root;
  }

  /**
   * aria-busy of the tree element, written only when it changes, and the frame's `busy` class:
   * while a big tree is drawn the cards on screen are an earlier step's (or another
   * scenario's), and a sighted user is told so as a screen reader is.
   */
  setBusy(busy: boolean): void {
    const el = this.treeElement();
    if (el.getAttribute('aria-busy') !== String(busy)) el.setAttribute('aria-busy', String(busy));
    this.frame.classList.toggle('busy', busy);
  }

  /**
   * Says how much of the tree is shown ("2,500 of 50,000 tasks shown"): a canvas tree has only
   * the items in view in the DOM, and a big tree is collapsed to a budget.
   */
  describe(shown: number, all: number): void {
    const text = `${thousands.format(shown)} of ${thousands.format(all)} tasks shown`;
    if (text === this.described) return;
    this.described = text;
    this.treeElement().setAttribute('aria-description', text);
  }

  /** Moves the tree's role, name and focus to `mode`'s drawing; `view` is the current zoom. */
  switchTo(mode: RenderMode, view: Transform): void {
    const old = this.treeElement();
    const hadFocus = old.contains(document.activeElement);
    old.removeAttribute('role');
    old.removeAttribute('aria-label');
    old.removeAttribute('aria-busy');
    this.current = mode;
    const svg = this.svg.element;
    if (mode === 'canvas') {
      this.svg.clear();
      svg.style.display = 'none';
      this.canvas.show(true);
      this.canvas.setLive(view);
      this.canvas.setView(view);
    } else {
      this.canvas.show(false);
      svg.style.display = '';
    }
    const now = this.treeElement();
    now.setAttribute('role', 'tree');
    now.setAttribute('aria-label', 'Process tree');
    old.removeAttribute('aria-description');
    this.described = '';
    this.refocusPending = hadFocus;
  }
}
