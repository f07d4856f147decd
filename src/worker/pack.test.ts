import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { allFrames } from '../engine/timeline/frames';
import { packRecording, packedTransfer, unpackRecording } from './pack';

describe('pack', () => {
  it('posts a restart as columns and the page gets the same recording back', () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= 300; pid++)
      tree.push({ pid, ppid: Math.max(1, pid - 7), comm: `w${pid}` });
    const sc = scenario({
      tree,
      steps: CHECKPOINT_RESTART_STEPS,
    });
    const rec = runSession(sc);
    const packed = packRecording(rec, JSON.stringify(sc));
    expect(packed.recording.scenario).toBeNull();
    expect(packed.recording).not.toHaveProperty('initial');
    expect(packed.recording).not.toHaveProperty('frames');
    // Nothing big is left for structured clone to copy entry by entry: no long plain array,
    // and every typed array (the images' bytes too) is in the transfer list.
    const transfer = new Set(packedTransfer(packed));
    const walk = (v: unknown, at: string): string[] => {
      if (ArrayBuffer.isView(v)) return transfer.has(v.buffer as ArrayBuffer) ? [] : [at];
      if (Array.isArray(v)) {
        if (v.length > 256) return [`${at} (${v.length} entries)`];
        return v.flatMap((x, i) => walk(x, `${at}[${i}]`));
      }
      if (v && typeof v === 'object')
        return Object.entries(v).flatMap(([k, x]) => walk(x, `${at}.${k}`));
      return [];
    };
    expect(walk(packed, 'packed')).toEqual([]);
    expect(Object.keys(packed.recording.images)).toHaveLength(1);
    // As postMessage moves it: the buffers transferred, the page's copy wrapped.
    const moved = structuredClone(packed, { transfer: packedTransfer(packed) });
    const back = unpackRecording(moved, sc);
    const fresh = runSession(sc);
    expect(back.initial).toEqual(fresh.initial);
    expect(allFrames(back.frames)).toEqual(allFrames(fresh.frames));
    expect({ ...back, frames: null, initial: null }).toEqual({
      ...fresh,
      frames: null,
      initial: null,
    });
  });
});
