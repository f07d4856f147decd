import type { TaskNode, TreeModel } from './model';
import type { Placed, TreeLayout } from './layout';
import { COORD_W, NODE_H, NODE_W, THREAD_H } from './layoutMetrics';
import { LONE_CARD, layoutPiece, type Piece, type Subtree } from './pieceLayout';
import { NEW_TASK, runNow, type Job } from './slicedJob';
import { PidIndex } from './pidIndex';
import { treeShape, type TreeShape } from './treeShape';

/** Cards walked, packed or placed between two yields of the job (well under a millisecond). */
const CHUNK = 1000;
/** A subtree this big is laid out in a task of its own (d3.tree takes milliseconds for it). */
const BIG_PIECE = 4000;

/** Which tasks are shown and how they hang together, by index into the step's nodes. */
interface Structure {
  nodes: readonly TaskNode[];
  pids: Float64Array;
  threads: Uint8Array;
  /** Processes without a shown parent process, in node order. */
  roots: number[];
  /** For each node: its last child process and the sibling process before it (-1: none). */
  lastKid: Int32Array;
  prevSibling: Int32Array;
  /** For each node: its first thread and the next thread of the same leader (-1: none). */
  firstThread: Int32Array;
  lastThread: Int32Array;
  nextThread: Int32Array;
}

/** From the shape's arrays: the tasks' objects are not read again (36,000 of them, scattered). */
function structureOf(nodes: readonly TaskNode[], shape: TreeShape): Structure {
  const n = nodes.length;
  const { pids, parents, threads } = shape;
  const processAt = new PidIndex(pids, threads);
  const s: Structure = {
    nodes,
    pids,
    threads,
    roots: [],
    lastKid: new Int32Array(n).fill(-1),
    prevSibling: new Int32Array(n).fill(-1),
    firstThread: new Int32Array(n).fill(-1),
    lastThread: new Int32Array(n).fill(-1),
    nextThread: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    const up = parents[i] < 0 ? undefined : processAt.get(parents[i]);
    if (threads[i]) {
      // A thread whose leader is not a shown process is not drawn (as layoutTree always did).
      if (up === undefined) continue;
      if (s.lastThread[up] < 0) s.firstThread[up] = i;
      else s.nextThread[s.lastThread[up]] = i;
      s.lastThread[up] = i;
    } else if (up === undefined) {
      s.roots.push(i);
    } else {
      s.prevSibling[i] = s.lastKid[up];
      s.lastKid[up] = i;
    }
  }
  return s;
}

/**
 * Writes a root's subtree from `at` in the layout's order (pre-order, each leader followed by
 * its threads): each card's node index into `cards`, the card index of its parent or leader
 * into `ups` (-1 for the root). Returns where it ended.
 */
function walk(s: Structure, root: number, cards: Int32Array, ups: Int32Array, at: number): number {
  const stack = [root];
  const stackUp = [-1];
  let c = at;
  while (stack.length) {
    const i = stack.pop()!;
    const me = c++;
    cards[me] = i;
    ups[me] = stackUp.pop()!;
    for (let t = s.firstThread[i]; t >= 0; t = s.nextThread[t], c++) {
      cards[c] = t;
      ups[c] = me;
    }
    // Children pushed last first, so they are visited in order.
    for (let k = s.lastKid[i]; k >= 0; k = s.prevSibling[k]) {
      stack.push(k);
      stackUp.push(me);
    }
  }
  return c;
}

/** The step's cards in the layout's order: node indexes, and each card's parent card (-1: none). */
interface Walked {
  cards: Int32Array;
  ups: Int32Array;
}

/** Whether a kept piece was laid out from the cards `from`..`to` of this step. */
function keeps(piece: Piece, s: Structure, w: Walked, from: number, to: number): boolean {
  const { cards, ups } = w;
  if (piece.size !== to - from) return false;
  for (let m = 1; m < piece.size; m++) {
    const i = cards[from + m];
    if (piece.pids[m] !== s.pids[i] || piece.up[m] !== ups[from + m] - from) return false;
    if (piece.thread[m] !== s.threads[i]) return false;
  }
  return true;
}

/** The cards `from`..`to` (one root's subtree) as layoutPiece takes them. */
function subtreeOf(s: Structure, w: Walked, from: number, to: number): Subtree {
  const { cards, ups } = w;
  const sub: Subtree = { pids: [], threads: [], kids: [], threadCount: [] };
  // The process index (in sub.pids) of each card.
  const processOf = new Int32Array(to - from);
  for (let c = from; c < to; c++) {
    const i = cards[c];
    const up = ups[c] < 0 ? -1 : processOf[ups[c] - from];
    if (s.threads[i]) {
      sub.threads.push(s.pids[i]);
      sub.threadCount[up]++;
      processOf[c - from] = -1;
      continue;
    }
    const me = sub.pids.length;
    if (up >= 0) sub.kids[up].push(me);
    processOf[c - from] = me;
    sub.pids.push(s.pids[i]);
    sub.kids.push([]);
    sub.threadCount.push(0);
  }
  return sub;
}

/**
 * The forest's layout, root by root, kept between steps. Each root's shown subtree is laid out
 * on its own (pieceLayout.ts) and kept while its tasks, parents and threads stay the same; the
 * pieces are then packed left to right by their contours: at every level a piece's leftmost
 * card keeps today's separation, (width(a) + width(b)) / 2 between centres, from the rightmost
 * card of the pieces before it at that level. A step that changes one root's subtree (a destroy
 * releasing a task) lays out that subtree and packs again.
 *
 * A tree with one root comes out exactly as d3.tree lays it out. A forest differs a little from
 * one d3.tree under a virtual root: when a subtree is pushed right by a big one several siblings
 * to its left, d3 spreads the push over the small siblings between them (d3-hierarchy 3.1.3,
 * tree.js: moveSubtree and executeShifts), so they sit evenly in the gap; here each piece sits
 * as far left as its contour lets it, so the small ones are packed against the big one on their
 * left and the gap is on the right. The forest is then centred as d3 centres a parent: the
 * middle of its first and last roots at x = 0.
 */
export class ForestLayout {
  /** The pieces of the last finished layout, by root pid. */
  private pieces = new Map<number, Piece>();

  /** Lays `model` out now. */
  layout(model: Pick<TreeModel, 'nodes' | 'coordinator'>, shape?: TreeShape): TreeLayout {
    let out: TreeLayout | null = null;
    runNow(
      this.job(
        model,
        (l) => {
          out = l;
        },
        shape,
      ),
    );
    return out!;
  }

  /**
   * The same work as a job for slicedJob.ts's runSliced, yielding between pieces and chunks of
   * cards (a jump into a destroy lays out thousands of roots with nothing kept); `done` gets the
   * layout at its end. A job dropped half-way keeps the last finished layout's pieces.
   */
  *job(
    model: Pick<TreeModel, 'nodes' | 'coordinator'>,
    done: (layout: TreeLayout) => void,
    /** The model's shape, when the caller has it already (treeShape.ts). */
    shape = treeShape(model),
  ): Job {
    const s = structureOf(model.nodes, shape);
    yield;
    const kept = this.pieces;
    const next = new Map<number, Piece>();
    const pieces: Piece[] = [];
    // The node index of each card in the layout's order.
    const walkedCards: Walked = {
      cards: new Int32Array(model.nodes.length),
      ups: new Int32Array(model.nodes.length),
    };
    const { cards, ups } = walkedCards;
    let total = 0;
    let walked = 0;
    for (const root of s.roots) {
      // Most roots of a big destroy are lone cards: one piece for all of them, nothing kept.
      if (s.lastKid[root] < 0 && s.firstThread[root] < 0) {
        ups[total] = -1;
        cards[total++] = root;
        pieces.push(LONE_CARD);
        if (++walked >= CHUNK) {
          walked = 0;
          yield;
        }
        continue;
      }
      const old = kept.get(s.pids[root]);
      const base = total;
      total = walk(s, root, cards, ups, base);
      walked += total - base;
      let piece = old && keeps(old, s, walkedCards, base, total) ? old : null;
      if (!piece) {
        if (total - base >= BIG_PIECE) yield NEW_TASK;
        piece = layoutPiece(subtreeOf(s, walkedCards, base, total));
      }
      next.set(s.pids[root], piece);
      pieces.push(piece);
      if (walked >= CHUNK) {
        walked = 0;
        yield;
      }
    }
    // The packing: each piece as far left as the contour of the pieces before it lets it be.
    const offsets = new Float64Array(pieces.length);
    const reach: number[] = [];
    for (let p = 0; p < pieces.length; p++) {
      const { left, right } = pieces[p];
      let off = p ? -Infinity : 0;
      for (let d = 0; d < left.length && d < reach.length; d++)
        off = Math.max(off, reach[d] - left[d]);
      offsets[p] = off;
      for (let d = 0; d < right.length; d++) reach[d] = off + right[d];
    }
    const shift = pieces.length ? -(offsets[0] + offsets[pieces.length - 1]) / 2 : 0;
    yield;
    const placed: Placed[] = new Array<Placed>(total);
    const order: number[] = new Array<number>(total);
    const links: TreeLayout['links'] = [];
    let c = 0;
    let emitted = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p];
      const off = offsets[p] + shift;
      const base = c;
      for (let m = 0; m < piece.size; m++, c++) {
        const node = s.nodes[cards[c]];
        const x = piece.x[m] + off;
        const y = piece.y[m];
        const card: Placed = {
          node,
          x,
          y,
          depth: piece.depth[m],
          posinset: m ? piece.posinset[m] : p + 1,
          setsize: m ? piece.setsize[m] : pieces.length,
        };
        placed[c] = card;
        order[c] = s.pids[cards[c]];
        if (m && !piece.thread[m]) links.push({ from: placed[base + piece.up[m]], to: card });
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      if (c - emitted >= CHUNK) {
        emitted = c;
        yield;
      }
    }
    const indexOf = new PidIndex(order);
    this.pieces = next;
    const bounds = placed.length
      ? {
          x0: x0 - NODE_W / 2,
          y0: y0 - NODE_H / 2,
          x1: x1 + NODE_W / 2,
          y1: y1 + NODE_H / 2 + THREAD_H,
        }
      : { x0: -NODE_W / 2, y0: -NODE_H / 2, x1: NODE_W / 2, y1: NODE_H / 2 };
    const coordinator = model.coordinator
      ? { x: bounds.x0 - 60 - COORD_W / 2, y: placed.length ? placed[0].y : 0 }
      : null;
    done({ placed, links, order, indexOf, bounds, coordinator });
  }
}
