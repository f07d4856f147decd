import type { TaskNode } from './model';
import { NODE_W, THREAD_W } from './layout';
import { charsThatFit, fitKeepingLast, fitText } from './fit';
import { kindGlyph } from './shapes';

/**
 * The words a task card shows, cut to its lines (fit.ts), for both drawings of a card: the SVG
 * one (draw.ts) and the canvas one (canvasCards.ts). The title and accessible name keep them whole.
 */
export interface CardTexts {
  line1: string;
  line2: string;
  line3: string;
  /** The corner mark: ❄ frozen, zz sleeping. */
  badge: string;
}

/**
 * How many characters each line of a process card holds: its width less the 10 px margins
 * (and the badge's corner on line 1), in its font (tree.css: 12 px, line 3 10.5 px).
 */
const FITS = {
  line1: charsThatFit(NODE_W - 20 - 16, 12),
  line2: charsThatFit(NODE_W - 20, 12),
  line3: charsThatFit(NODE_W - 20, 10.5),
  thread: charsThatFit(THREAD_W - 8, 12),
};

export function cardTexts(n: TaskNode): CardTexts {
  if (n.isThread) {
    return {
      line1: fitText(`${kindGlyph(n.kind)} ${n.pid}`, FITS.thread),
      line2: '',
      line3: '',
      badge: n.frozen ? '❄' : '',
    };
  }
  const line3 = n.pc
    ? fitKeepingLast(n.pc, FITS.line3)
    : n.task.tgid !== n.pid
      ? fitText(`thread of ${n.task.tgid}`, FITS.line3)
      : n.criu
        ? fitText(`⚠ ${n.criu}`, FITS.line3)
        : '';
  return {
    line1: fitText(`${kindGlyph(n.kind)} ${n.pid}  ${n.comm}`, FITS.line1),
    line2: fitKeepingLast(n.status + (n.frozen ? ' · frozen' : ''), FITS.line2),
    line3,
    badge: n.frozen ? '❄' : n.sleeping ? 'zz' : '',
  };
}

/** One formatter for every card: toLocaleString makes a new one on each call. */
const thousands = new Intl.NumberFormat('en');

/** The marker under a closed subtree: "+1,234 hidden". */
export function hiddenText(hidden: number): string {
  return `+${thousands.format(hidden)} hidden`;
}
