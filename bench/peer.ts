/**
 * The bare peer of the page bench: a minimal page that draws the same tree with d3.tree() on a
 * canvas (at these sizes canvas is the faster of plain SVG and canvas) and replays the same frame
 * changes as crviz plays them, so crviz's figures can be read as ratios to what D3 alone costs.
 * No React, no store, no worker, no accessibility: only layout, drawing, zoom and a baton.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Frame } from '../src/engine/timeline/changes';
import type { TreeEntry } from '../src/engine/scenario/types';

/** What the peer replays of one frame: the tasks whose state changed, and who holds active_pid. */
export interface PeerFrame {
  pids: number[];
  states: number[];
  active: number;
}

/** The frames' task changes as the peer replays them (a state number per changed task). */
export function peerFrames(frames: readonly Frame[]): PeerFrame[] {
  const names = new Map<string, number>();
  return frames.map((f) => {
    const ch = f.change?.tasks ?? [];
    const state = (s: string) => {
      if (!names.has(s)) names.set(s, names.size);
      return names.get(s)!;
    };
    return {
      pids: ch.map((t) => t.pid),
      states: ch.map((t) => (t.after ? state(t.after.state) : -1)),
      active: f.active ?? 0,
    };
  });
}

/** Loads the peer into `page` (a blank page of its own): D3 from node_modules, one canvas. */
export async function openPeer(page: Page): Promise<void> {
  await page.setContent(
    '<!doctype html><body style="margin:0"><canvas id="c" width="1440" height="900"></canvas></body>',
  );
  // d3's package exports no dist path; the bench runs from the repository (as serveApp does).
  await page.addScriptTag({ path: join(process.cwd(), 'node_modules', 'd3', 'dist', 'd3.min.js') });
}

/**
 * Lays out and draws the tree given as scenario JSON text (parsed in the page, as crviz parses
 * its file); resolves with the ms from the text to the first painted frame.
 */
export async function peerOpen(page: Page, tree: TreeEntry[]): Promise<number> {
  const text = JSON.stringify(tree.map((e) => ({ pid: e.pid, ppid: e.ppid })));
  await page.evaluate(`window.__peerText = ${JSON.stringify(text)}`);
  // Source text: tsx would otherwise inject its __name helper into the function.
  return (await page.evaluate(
    `(async () => {
      const t0 = performance.now();
      const entries = JSON.parse(window.__peerText);
      const ids = new Set(entries.map((e) => e.pid));
      const root = d3.stratify().id((e) => String(e.pid))
        .parentId((e) => (ids.has(e.ppid) ? String(e.ppid) : null))(entries);
      d3.tree().nodeSize([40, 90])(root);
      const nodes = root.descendants();
      const byPid = new Map(nodes.map((n) => [n.data.pid, n]));
      const canvas = document.getElementById('c');
      const ctx = canvas.getContext('2d');
      const peer = { nodes, byPid, state: new Map(), active: 0, t: d3.zoomIdentity.translate(720, 40), dirty: true };
      window.__peer = peer;
      const colors = ['#cfe8cf', '#f3d2d2', '#d8d8f0', '#eeeeee', '#f6e7b4', '#cce0f5'];
      peer.draw = () => {
        const { t } = peer;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.setTransform(t.k, 0, 0, t.k, t.x, t.y);
        // Only what the viewport shows: a bare page would do no less.
        const x0 = -t.x / t.k, y0 = -t.y / t.k, x1 = x0 + canvas.width / t.k, y1 = y0 + canvas.height / t.k;
        ctx.beginPath();
        for (const n of nodes) {
          if (!n.parent) continue;
          if (n.y < y0 - 90 || n.y > y1 || n.x < x0 - 2000 || n.x > x1 + 2000) continue;
          ctx.moveTo(n.parent.x, n.parent.y + 10);
          ctx.lineTo(n.x, n.y - 10);
        }
        ctx.strokeStyle = '#999';
        ctx.stroke();
        for (const n of nodes) {
          if (n.x < x0 - 20 || n.x > x1 + 20 || n.y < y0 - 10 || n.y > y1 + 10) continue;
          const s = peer.state.get(n.data.pid);
          ctx.fillStyle = s === -1 ? '#fff' : colors[(s ?? 0) % colors.length];
          ctx.fillRect(n.x - 17, n.y - 10, 34, 20);
          if (t.k > 0.5) {
            ctx.fillStyle = '#000';
            ctx.fillText(String(n.data.pid), n.x - 14, n.y + 4);
          }
        }
        const a = byPid.get(peer.active);
        if (a) {
          ctx.strokeStyle = '#c00';
          ctx.lineWidth = 3 / t.k;
          ctx.strokeRect(a.x - 19, a.y - 12, 38, 24);
          ctx.lineWidth = 1;
        }
        peer.dirty = false;
      };
      const loop = () => {
        if (peer.dirty) peer.draw();
        requestAnimationFrame(loop);
      };
      d3.select(canvas).call(
        d3.zoom().scaleExtent([0.02, 4]).on('zoom', (e) => {
          peer.t = e.transform;
          peer.dirty = true;
        }),
      ).call(d3.zoom().transform, peer.t);
      peer.draw();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      requestAnimationFrame(loop);
      return performance.now() - t0;
    })()`,
  )) as number;
}

/** Sends the frames to the peer, then replays them from `from`, one every `everyMs`. */
export async function peerLoadFrames(page: Page, frames: PeerFrame[]): Promise<void> {
  await page.evaluate(`window.__peer.frames = ${JSON.stringify(frames)}`);
}

export async function peerPlay(page: Page, from: number, everyMs: number): Promise<void> {
  await page.evaluate(`(() => {
    const peer = window.__peer;
    let i = ${from};
    peer.timer = setInterval(() => {
      const f = peer.frames[i++];
      if (!f) return clearInterval(peer.timer);
      for (let k = 0; k < f.pids.length; k++) peer.state.set(f.pids[k], f.states[k]);
      peer.active = f.active;
      peer.dirty = true;
    }, ${everyMs});
  })()`);
}

export async function peerStop(page: Page): Promise<void> {
  await page.evaluate('clearInterval(window.__peer.timer)');
}
