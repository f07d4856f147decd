import { hierarchy, tree as d3tree } from 'd3';
import { cardWidth, LEVEL_H, NODE_H, THREAD_H, THREAD_W, TOGGLE_CLEAR } from './layoutMetrics';

/**
 * One root's shown subtree, laid out on its own with its root at x = 0: what ForestLayout keeps
 * between steps and packs beside the other roots' pieces. Members are in the layout's order
 * (pre-order, each leader followed by its threads); everything is in typed arrays, so a kept
 * piece costs no objects.
 */
export interface Piece {
  size: number;
  /**
   * What the piece was laid out from (checked against the next step's tasks); the root's own
   * pid is where the piece is kept, not read from here (LONE_CARD serves every lone root).
   */
  pids: Int32Array;
  /** The member index of each member's parent (a thread's leader); -1 for the root. */
  up: Int32Array;
  thread: Uint8Array;
  /** Centre x relative to the root, y, depth (0 for the root). */
  x: Float64Array;
  y: Float64Array;
  depth: Int32Array;
  /** Place among the shown siblings; the root's are the forest's (set when it is packed). */
  posinset: Int32Array;
  setsize: Int32Array;
  /** Per process level: the leftmost and rightmost card extent (cardWidth), relative to the root. */
  left: Float64Array;
  right: Float64Array;
}

/** A subtree to lay out: its processes in pre-order, each with its child processes and threads. */
export interface Subtree {
  /** Member index of each process in `members` order; threads follow their leader. */
  pids: number[];
  threads: number[];
  /** For each process (by its index in `pids`): its child processes' indexes, in order. */
  kids: number[][];
  /** For each process: how many threads it leads (they follow it in pre-order). */
  threadCount: number[];
}

/** A root with no shown children nor threads: one card at 0, its width on either side. */
export const LONE_CARD: Piece = {
  size: 1,
  pids: new Int32Array(1),
  up: new Int32Array([-1]),
  thread: new Uint8Array(1),
  x: new Float64Array(1),
  y: new Float64Array(1),
  depth: new Int32Array(1),
  posinset: new Int32Array(1),
  setsize: new Int32Array(1),
  left: new Float64Array([-cardWidth(0) / 2]),
  right: new Float64Array([cardWidth(0) / 2]),
};

interface HNode {
  at: number;
  children: HNode[];
}

/**
 * Lays out a subtree: d3.tree (Reingold-Tilford as Buchheim et al. made linear, d3-hierarchy's
 * tree.js) when the root has children, with the separation layoutTree always used; a lone
 * card trivially. Threads hang in a row from their leader's bottom edge.
 */
export function layoutPiece(s: Subtree): Piece {
  const processes = s.kids.length;
  const px = new Float64Array(processes);
  const pdepth = new Int32Array(processes);
  if (s.kids[0].length) {
    const nodes: HNode[] = s.kids.map((_, at) => ({ at, children: [] }));
    for (let i = 0; i < processes; i++) nodes[i].children = s.kids[i].map((k) => nodes[k]);
    const h = hierarchy(nodes[0], (d) => d.children);
    d3tree<HNode>()
      .nodeSize([1, LEVEL_H])
      .separation(
        (a, b) => (cardWidth(s.threadCount[a.data.at]) + cardWidth(s.threadCount[b.data.at])) / 2,
      )(h);
    h.each((d) => {
      px[d.data.at] = (d as typeof d & { x: number }).x;
      pdepth[d.data.at] = d.depth;
    });
  }
  let size = processes;
  for (const t of s.threadCount) size += t;
  const piece: Piece = {
    size,
    pids: new Int32Array(size),
    up: new Int32Array(size),
    thread: new Uint8Array(size),
    x: new Float64Array(size),
    y: new Float64Array(size),
    depth: new Int32Array(size),
    posinset: new Int32Array(size),
    setsize: new Int32Array(size),
    left: new Float64Array(0),
    right: new Float64Array(0),
  };
  // Member index of each process, and its place among its siblings (threads come first).
  const memberOf = new Int32Array(processes);
  const parentOf = new Int32Array(processes).fill(-1);
  const place = new Int32Array(processes);
  for (let i = 0; i < processes; i++) {
    s.kids[i].forEach((k, j) => {
      parentOf[k] = i;
      place[k] = j;
    });
  }
  let levels = 0;
  let m = 0;
  let thread = 0;
  for (let i = 0; i < processes; i++) {
    const x = px[i];
    const depth = pdepth[i];
    const y = depth * LEVEL_H;
    levels = Math.max(levels, depth + 1);
    memberOf[i] = m;
    piece.pids[m] = s.pids[i];
    const p = parentOf[i];
    piece.up[m] = p < 0 ? -1 : memberOf[p];
    piece.x[m] = x;
    piece.y[m] = y;
    piece.depth[m] = depth;
    if (p >= 0) {
      piece.posinset[m] = s.threadCount[p] + place[i] + 1;
      piece.setsize[m] = s.threadCount[p] + s.kids[p].length;
    }
    const leader = m++;
    const ts = s.threadCount[i];
    const rowW = ts * (THREAD_W + 6) - 6;
    // With children, the row starts right of the collapse toggle on the card's bottom edge.
    const rowX = s.kids[i].length ? x + TOGGLE_CLEAR : x - rowW / 2;
    for (let k = 0; k < ts; k++, m++) {
      piece.pids[m] = s.threads[thread++];
      piece.up[m] = leader;
      piece.thread[m] = 1;
      piece.x[m] = rowX + THREAD_W / 2 + k * (THREAD_W + 6);
      // Hung from the leader's bottom edge (overlapping its border), a tab of its card, not
      // a card of its own a level down that would read as a child.
      piece.y[m] = y + NODE_H / 2 + THREAD_H / 2 - 1;
      piece.depth[m] = depth + 1;
      piece.posinset[m] = k + 1;
      piece.setsize[m] = ts + s.kids[i].length;
    }
  }
  piece.left = new Float64Array(levels).fill(Infinity);
  piece.right = new Float64Array(levels).fill(-Infinity);
  for (let i = 0; i < processes; i++) {
    const half = cardWidth(s.threadCount[i]) / 2;
    const d = pdepth[i];
    piece.left[d] = Math.min(piece.left[d], px[i] - half);
    piece.right[d] = Math.max(piece.right[d], px[i] + half);
  }
  return piece;
}
