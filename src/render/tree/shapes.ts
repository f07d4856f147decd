import type { NodeKind } from './model';

/** Card outlines: the shape itself tells the state, colour only reinforces it. */

function rounded(w: number, h: number, r: number): string {
  const x = -w / 2;
  const y = -h / 2;
  return `M${x + r},${y}H${x + w - r}Q${x + w},${y} ${x + w},${y + r}V${y + h - r}Q${x + w},${y + h} ${x + w - r},${y + h}H${x + r}Q${x},${y + h} ${x},${y + h - r}V${y + r}Q${x},${y} ${x + r},${y}Z`;
}

function chamfered(w: number, h: number, c: number): string {
  const x = -w / 2;
  const y = -h / 2;
  return `M${x + c},${y}H${x + w - c}L${x + w},${y + c}V${y + h - c}L${x + w - c},${y + h}H${x + c}L${x},${y + h - c}V${y + c}Z`;
}

function notched(w: number, h: number): string {
  // A stopped task: a rectangle with a square notch on the left edge, like a pause bar.
  const x = -w / 2;
  const y = -h / 2;
  return `M${x},${y}H${x + w}V${y + h}H${x}V${y + h * 0.7}H${x + 6}V${y + h * 0.3}H${x}Z`;
}

/** A thread's tab: flat where it hangs from its leader's card, rounded below. */
export function threadTabPath(w: number, h: number): string {
  const x = -w / 2;
  const y = -h / 2;
  const r = 6;
  return `M${x},${y}H${x + w}V${y + h - r}Q${x + w},${y + h} ${x + w - r},${y + h}H${x + r}Q${x},${y + h} ${x},${y + h - r}Z`;
}

export function cardPath(kind: NodeKind, w: number, h: number): string {
  switch (kind) {
    case 'zombie':
    case 'dead':
      return chamfered(w, h, 12);
    case 'stopped':
      return notched(w, h);
    case 'running':
    case 'traced':
      return rounded(w, h, 7);
  }
}

/** Short glyph before the pid, a second non-colour cue. */
export function kindGlyph(kind: NodeKind): string {
  switch (kind) {
    case 'running':
      return '▶';
    case 'stopped':
      return '‖';
    case 'traced':
      return '◎';
    case 'zombie':
      return '☠';
    case 'dead':
      return '✕';
  }
}
