/**
 * The canvas drawing's look, read from the same stylesheet the SVG cards use (tree.css and the
 * theme's custom properties): a probe card per class list sits in the SVG's <defs> (never
 * painted) and getComputedStyle of its parts gives fill, stroke, width, dashes and fonts. The two
 * drawings then look alike in every theme without a second copy of the colours. Cached per class
 * list until the theme changes (`clear`).
 */

export interface PartStyle {
  fill: string | null;
  stroke: string | null;
  lineWidth: number;
  dash: number[];
  lineCap: CanvasLineCap;
  opacity: number;
  font: string;
  letterSpacing: string;
  shown: boolean;
  /** paint-order: stroke (a closed subtree's heavier outline lies under its fill). */
  strokeFirst: boolean;
}

export interface CardStyle {
  card: PartStyle;
  line1: PartStyle;
  line2: PartStyle;
  line3: PartStyle;
  badge: PartStyle;
  cross: PartStyle;
  toggleCircle: PartStyle;
  toggleText: PartStyle;
  more: PartStyle;
}

const SVG = 'http://www.w3.org/2000/svg';

const PARTS: [keyof CardStyle, string, string, string?][] = [
  ['card', 'path', 'card'],
  ['line1', 'text', 'line1'],
  ['line2', 'text', 'line2'],
  ['line3', 'text', 'line3'],
  ['badge', 'text', 'badge'],
  ['cross', 'line', 'cross'],
  ['more', 'text', 'more'],
];

function paint(v: string): string | null {
  return v === 'none' || v === '' || v.startsWith('url(') ? null : v;
}

function read(el: Element): PartStyle {
  const cs = getComputedStyle(el);
  const dash =
    cs.strokeDasharray === 'none' ? [] : cs.strokeDasharray.split(/[\s,]+/).map(parseFloat);
  return {
    fill: paint(cs.fill),
    stroke: paint(cs.stroke),
    lineWidth: parseFloat(cs.strokeWidth) || 1,
    dash: dash.every((d) => Number.isFinite(d)) ? dash : [],
    lineCap: (cs.strokeLinecap as CanvasLineCap) || 'butt',
    opacity: parseFloat(cs.opacity) || 0,
    font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
    letterSpacing: cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing,
    shown: cs.display !== 'none' && cs.visibility !== 'hidden',
    strokeFirst: cs.paintOrder.startsWith('stroke'),
  };
}

export class CanvasStyles {
  private readonly cards = new Map<string, CardStyle>();
  private readonly others = new Map<string, PartStyle>();

  constructor(
    /** The SVG's <defs>: inside the tree's stylesheet scope, never painted. */
    private readonly defs: SVGElement,
  ) {}

  /** The theme changed: read everything again. */
  clear(): void {
    this.cards.clear();
    this.others.clear();
  }

  /** The look of a card with class list `cls` (draw.ts cardClass). */
  card(cls: string): CardStyle {
    let s = this.cards.get(cls);
    if (s) return s;
    const g = this.probe('g', cls);
    const found: Partial<CardStyle> = {};
    for (const [key, tag, c] of PARTS) found[key] = read(this.child(g, tag, c));
    const toggle = this.child(g, 'g', 'toggle');
    found.toggleCircle = read(this.child(toggle, 'circle', ''));
    found.toggleText = read(this.child(toggle, 'text', ''));
    g.remove();
    s = found as CardStyle;
    this.cards.set(cls, s);
    return s;
  }

  /** Any other part, by the class path that styles it, e.g. "container frozen > container-box". */
  part(path: string): PartStyle {
    let s = this.others.get(path);
    if (s) return s;
    const [outer, inner, tag = 'rect'] = path.split(' > ');
    const g = this.probe('g', outer);
    const el = inner ? this.child(g, tag, inner) : g;
    s = read(el);
    g.remove();
    this.others.set(path, s);
    return s;
  }

  private probe(tag: string, cls: string): Element {
    const el = document.createElementNS(SVG, tag);
    el.setAttribute('class', cls);
    this.defs.appendChild(el);
    return el;
  }

  private child(parent: Element, tag: string, cls: string): Element {
    const el = document.createElementNS(SVG, tag);
    if (cls) el.setAttribute('class', cls);
    parent.appendChild(el);
    return el;
  }
}
