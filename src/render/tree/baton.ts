import { NODE_H } from './layout';
import type { Transform } from './panZoom';
import './baton.css';

/**
 * The active_pid baton of the live view, on its own compositor layer: an HTML element over the
 * tree whose CSS transform glides from card to card, so a step of a big tree moves one small
 * layer instead of repainting the SVG of thousands of cards on every animation frame. It sits
 * in the tree's picture, so a gesture moving the picture carries it; when the gesture settles
 * (setView) it is placed again at the new zoom. The SVG keeps a still copy for the exports.
 */
export class Baton {
  private readonly el: HTMLDivElement;
  private at: { x: number; y: number } | null = null;
  private view: Transform = { x: 0, y: 0, k: 1 };

  constructor(picture: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'crviz-baton';
    this.el.setAttribute('aria-hidden', 'true');
    this.el.textContent = '◆ active_pid';
    this.el.hidden = true;
    picture.appendChild(this.el);
  }

  /** Puts the baton over the card centred at tree point `at` (null: no baton), gliding `dur` ms. */
  place(at: { x: number; y: number } | null, dur: number): void {
    const moved = !!this.at && !!at && (this.at.x !== at.x || this.at.y !== at.y);
    this.at = at;
    this.el.hidden = !at;
    if (!at) return;
    this.draw(moved ? dur : 0);
  }

  /** The tree was drawn at a new zoom transform: the baton follows at once. */
  setView(t: Transform): void {
    this.view = { x: t.x, y: t.y, k: t.k };
    if (this.at) this.draw(0);
  }

  destroy(): void {
    this.el.remove();
  }

  private draw(dur: number): void {
    const { x, y, k } = this.view;
    const at = this.at!;
    // The baton's middle sits 14 units above the card's top edge, as the SVG copy does.
    const sx = x + k * at.x;
    const sy = y + k * (at.y - NODE_H / 2 - 14);
    this.el.style.transition = dur > 0 ? `transform ${dur}ms ease` : 'none';
    this.el.style.transform = `translate(${sx}px, ${sy}px) scale(${k}) translate(-50%, -50%)`;
  }
}
