import type { TaskNode } from './model';
import { NODE_H, NODE_W, THREAD_H, THREAD_W } from './layout';
import { cardPath, threadTabPath } from './shapes';
import { cardTexts, hiddenText } from './cardTexts';

/**
 * Builds and updates the inside of one task card (an SVG <g role="treeitem">) with the plain DOM
 * API. Parts that most cards do not need (hatch, cross, PC line, badge) are created only when a
 * card first needs them: a 2,000-card tree then costs about four elements per card, not nine.
 */

const SVG = 'http://www.w3.org/2000/svg';

function attrs(el: Element, values: Record<string, string | number>): void {
  for (const k in values) el.setAttribute(k, String(values[k]));
}

/**
 * Each card's parts by class, looked up once: a step that changes every task of a big tree
 * (a freeze, a jump to another step) redraws thousands of cards.
 */
const partsOf = new WeakMap<Element, Map<string, Element>>();

function parts(g: Element): Map<string, Element> {
  let found = partsOf.get(g);
  if (!found) {
    found = new Map();
    for (let c = g.firstElementChild; c; c = c.nextElementSibling) {
      found.set(c.getAttribute('class') ?? '', c);
    }
    partsOf.set(g, found);
  }
  return found;
}

/** The card's child with class `cls`, created (as `tag`) only when `create` is set. */
function part(g: Element, tag: string, cls: string, create: boolean): Element | null {
  const found = parts(g);
  const el = found.get(cls);
  if (el || !create) return el ?? null;
  const made = document.createElementNS(SVG, tag);
  made.setAttribute('class', cls);
  g.appendChild(made);
  found.set(cls, made);
  return made;
}

/** Writes an attribute only when it changes: each write makes the browser restyle the part. */
function setIf(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Sets a text part, creating it on first use; an empty text hides an existing part. Its place
 * `at` is set only on creation: it depends on the card's type alone (see drawCard).
 */
function text(g: Element, cls: string, value: string, at: Record<string, string | number>): void {
  let el = part(g, 'text', cls, false);
  if (!el) {
    if (value === '') return;
    el = part(g, 'text', cls, true)!;
    attrs(el, at);
  }
  if (el.textContent !== value) el.textContent = value;
}

/** Card outlines by kind and size: a big tree has thousands of cards and five outlines. */
const outlines = new Map<string, string>();

export function outline(kind: TaskNode['kind'], w: number, h: number, thread: boolean): string {
  const key = `${kind}${w}${thread ? 't' : ''}`;
  let d = outlines.get(key);
  if (d === undefined) {
    // A thread's state shows in its glyph, text and stroke; its outline says it is a thread.
    d = thread ? threadTabPath(w, h) : cardPath(kind, w, h);
    outlines.set(key, d);
  }
  return d;
}

export type CardType = 'process' | 'thread';

/** Where each text of a card sits, by card type (relative to the card's centre). */
export const PLACES: Record<CardType, Record<string, Record<string, string | number>>> = {
  process: {
    line1: { x: -NODE_W / 2 + 10, y: -NODE_H / 2 + 17, 'text-anchor': 'start' },
    line2: { x: -NODE_W / 2 + 10, y: -NODE_H / 2 + 33 },
    line3: { x: -NODE_W / 2 + 10, y: -NODE_H / 2 + 49 },
    badge: { x: NODE_W / 2 - 8, y: -NODE_H / 2 + 16, 'text-anchor': 'end' },
  },
  thread: {
    line1: { x: 0, y: 4, 'text-anchor': 'middle' },
    badge: { x: THREAD_W / 2 - 4, y: -THREAD_H / 2 + 10 },
  },
};

/**
 * Empty cards of each type, cloned: one cloneNode is cheaper than creating and placing the
 * parts every card has, and a big subtree opening creates thousands of cards.
 */
const prototypes = new Map<CardType, SVGGElement>();

function prototype(type: CardType): SVGGElement {
  let g = prototypes.get(type);
  if (!g) {
    g = document.createElementNS(SVG, 'g');
    g.setAttribute('role', 'treeitem');
    g.setAttribute('tabindex', '-1');
    g.setAttribute('data-type', type);
    part(g, 'path', 'card', true);
    part(g, 'title', 'tip', true);
    // Texts every card of this type shows (see drawCard).
    for (const cls of type === 'thread' ? ['line1'] : ['line1', 'line2']) {
      attrs(part(g, 'text', cls, true)!, PLACES[type][cls]);
    }
    prototypes.set(type, g);
  }
  return g;
}

/** Creates an empty card: the outline, the title and the texts every card has, on demand the rest. */
export function createCard(isThread: boolean): SVGGElement {
  return prototype(isThread ? 'thread' : 'process').cloneNode(true) as SVGGElement;
}

/** Draws one card's outline, texts and state marks for `n`. */
export function drawCard(g: SVGGElement, n: TaskNode, hatchId: string): void {
  const w = n.isThread ? THREAD_W : NODE_W;
  const h = n.isThread ? THREAD_H : NODE_H;
  // Texts sit differently on a thread's card: a card that changes type is refilled.
  const type: CardType = n.isThread ? 'thread' : 'process';
  const at = PLACES[type];
  if (g.getAttribute('data-type') !== type) {
    // Parts placed for the other size go; the outline, title, toggle and marker are redrawn.
    g.setAttribute('data-type', type);
    const found = parts(g);
    for (const [cls, el] of found) {
      if (cls === 'card' || cls === 'tip' || cls === 'more' || cls === 'toggle') continue;
      el.remove();
      found.delete(cls);
    }
  }
  const tip = part(g, 'title', 'tip', true)!;
  if (tip.textContent !== n.name) tip.textContent = n.name;
  setIf(part(g, 'path', 'card', true)!, 'd', outline(n.kind, w, h, n.isThread));
  let hatch = part(g, 'rect', 'hatch', false);
  if (!hatch && n.frozen) {
    hatch = part(g, 'rect', 'hatch', true)!;
    attrs(hatch, { x: -w / 2, y: -h / 2, width: w, height: h, fill: `url(#${hatchId})` });
  }
  if (hatch) setIf(hatch, 'display', n.frozen ? 'inline' : 'none');
  const dead = n.kind === 'dead';
  let a = part(g, 'line', 'cross cross-a', false);
  let b = part(g, 'line', 'cross cross-b', false);
  if (!a && dead) {
    a = part(g, 'line', 'cross cross-a', true)!;
    attrs(a, { x1: -w / 2 + 6, y1: -h / 2 + 6, x2: w / 2 - 6, y2: h / 2 - 6 });
  }
  if (!b && dead) {
    b = part(g, 'line', 'cross cross-b', true)!;
    attrs(b, { x1: -w / 2 + 6, y1: h / 2 - 6, x2: w / 2 - 6, y2: -h / 2 + 6 });
  }
  if (a) setIf(a, 'display', dead ? 'inline' : 'none');
  if (b) setIf(b, 'display', dead ? 'inline' : 'none');
  // Texts are cut to their card's width (cardTexts.ts); the title and aria-label have them whole.
  const words = cardTexts(n);
  text(g, 'line1', words.line1, at.line1);
  if (!n.isThread) {
    text(g, 'line2', words.line2, at.line2);
    text(g, 'line3', words.line3, at.line3);
  }
  text(g, 'badge', words.badge, at.badge);
}

/**
 * The collapse toggle on the card's bottom edge ("−" open, "+" closed) and, when closed, a
 * "+N hidden" marker where the children would be. `state` null removes both (a leaf).
 */
export function drawToggle(
  g: SVGGElement,
  state: { expanded: boolean; hidden: number } | null,
  isThread: boolean,
): void {
  const h = isThread ? THREAD_H : NODE_H;
  const toggle = part(g, 'g', 'toggle', state !== null);
  if (toggle) {
    setIf(toggle, 'display', state ? 'inline' : 'none');
    if (state) {
      // Placed by coordinates, not a transform: in Chromium each SVG transform starts a paint
      // chunk of its own, and thousands of chunks make every frame's layerizing slow.
      if (!toggle.firstChild) {
        toggle.appendChild(document.createElementNS(SVG, 'circle')).setAttribute('r', '8');
        attrs(toggle.appendChild(document.createElementNS(SVG, 'text')), {
          'text-anchor': 'middle',
        });
      }
      setIf(toggle.firstElementChild!, 'cy', String(h / 2));
      setIf(toggle.lastElementChild!, 'y', String(h / 2 + 4));
      toggle.lastElementChild!.textContent = state.expanded ? '−' : '+';
    }
  }
  const more = state && !state.expanded ? hiddenText(state.hidden) : '';
  text(g, 'more', more, { x: 0, 'text-anchor': 'middle' });
  // Placed on every change: unlike the card's texts it is not refilled when the type changes.
  const marker = part(g, 'text', 'more', false);
  if (marker) setIf(marker, 'y', String(h / 2 + 24));
}

/** Class list of a card: every state as a class, for styling on top of shape and text. */
export function cardClass(n: TaskNode, selected: number | null, collapsed: boolean): string {
  let c = `task k-${n.kind}`;
  if (n.isThread) c += ' thread';
  if (n.frozen) c += ' frozen';
  if (n.restarting) c += ' restarting';
  if (n.sleeping) c += ' sleeping';
  if (n.runnable) c += ' runnable';
  if (n.active) c += ' active';
  if (n.task.traced) c += ' traced';
  if (collapsed) c += ' collapsed';
  if (selected === n.pid) c += ' selected';
  return c;
}
