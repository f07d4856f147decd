import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../../engine/scenario/testing';
import { runSession } from '../../engine/session';
import { WorldReplay } from '../../engine/timeline/timeline';
import { predictionFor } from './resolve';
import { judge } from './verdict';

// init(1) → sh(2) → zombie(3): the zombie hands the turn on in exit_checkpoint.
const rec = runSession(
  scenario({
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'sh' },
      { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
    ],
    steps: [...CHECKPOINT_RESTART_STEPS],
  }),
);
const timeline = new WorldReplay(rec.initial, rec.frames);

/** Every hand-off of the restart as [frame before, frame after]. */
function handOffs(): [number, number][] {
  const out: [number, number][] = [];
  for (let f = rec.stepStarts[3]; f < rec.frames.length - 1; f++) {
    if (predictionFor(timeline, f, f + 1)) out.push([f, f + 1]);
  }
  return out;
}

describe('judge', () => {
  it('says the question, the answer and the rule, right or wrong', () => {
    const [first, second] = handOffs();
    const p1 = predictionFor(timeline, ...first)!;
    const right = judge({ recording: rec, timeline, cursor: first[0] }, p1, 1);
    expect(right.right).toBe(true);
    expect(right.question).toBe('Who gets active_pid first? You answered pid 1 init.');
    expect(right.why).toMatch(/^the coordinator called restore_activate_next \(step \d+\)/);
    const p2 = predictionFor(timeline, ...second)!;
    const wrong = judge({ recording: rec, timeline, cursor: second[0] }, p2, 'complete');
    expect(wrong.right).toBe(false);
    expect(wrong.question).toMatch(/^Who gets active_pid after pid 1 init\? You answered nobody/);
    expect(wrong.text).toBe(
      'Wrong: you picked nobody: active_pid passes the last entry and restart completes; pid 2 sh gets active_pid.',
    );
    expect(wrong.why).toContain('entry 1 of the pids array (1, 2, 3');
  });

  it('explains a zombie’s hand-off by exit_checkpoint and the end by completion', () => {
    const all = handOffs();
    const whys = all.map(([from, to]) => {
      const p = predictionFor(timeline, from, to)!;
      return judge({ recording: rec, timeline, cursor: from }, p, p.answer).why;
    });
    expect(whys.some((w) => w.startsWith('pid 3 z called exit_checkpoint'))).toBe(true);
    expect(whys.at(-1)).toMatch(/past the last of the 3 entries .* the restart completes/);
  });
});
