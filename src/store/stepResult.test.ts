import { describe, expect, it } from 'vitest';
import { scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { createDebuggerStore } from './createDebuggerStore';
import { selectStaleFindingsVariant, selectStaleTraceVariant, withRestartVariant } from './stale';
import { cursorOnStep, imageWrittenAt, noticeShown, noticeStep } from './stepResult';
import type { Notice } from './types';

const tree = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh' },
];
// Step 0 fails (EBUSY: not frozen), then freeze, checkpoint, destroy, restart.
const rec = runSession(
  scenario({
    tree,
    steps: [
      { op: 'checkpoint', image: 'bad' },
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
    ],
  }),
);
const lastOf = (i: number) => rec.stepStarts[i + 1] - 1;

describe('imageWrittenAt', () => {
  it('names the image at the last frame of the checkpoint that wrote it, and only there', () => {
    expect(imageWrittenAt(rec, lastOf(2))).toBe('a');
    expect(imageWrittenAt(rec, lastOf(2) - 1)).toBeNull();
    expect(imageWrittenAt(rec, lastOf(3))).toBeNull();
  });
  it('names no image for a checkpoint that failed', () => {
    expect(imageWrittenAt(rec, lastOf(0))).toBeNull();
  });
});

describe('notices of a step', () => {
  const failed: Notice = { id: 1, kind: 'error', text: 'x', step: noticeStep(rec, 0) };
  it('shows while the cursor is on its step, not on another', () => {
    expect(noticeShown(failed, rec, rec.stepStarts[0])).toBe(true);
    expect(noticeShown(failed, rec, lastOf(0))).toBe(true);
    expect(noticeShown(failed, rec, lastOf(1))).toBe(false);
    expect(noticeShown(failed, rec, -1)).toBe(false);
    expect(noticeShown({ ...failed, step: undefined }, rec, lastOf(1))).toBe(true);
  });
  it('does not show for another step put at its index', () => {
    const other = { ...rec, scenario: { ...rec.scenario, steps: [{ op: 'freeze' as const }] } };
    expect(noticeShown(failed, other, rec.stepStarts[0])).toBe(false);
  });
  it('a step without frames of its own is shown on the frame before it', () => {
    const empty = { ...rec, stepStarts: [0, 0, ...rec.stepStarts.slice(2)] };
    expect(cursorOnStep(empty, -1, 0)).toBe(true);
    expect(cursorOnStep(empty, 0, 0)).toBe(false);
  });
});

describe('stale results', () => {
  it('a Variant picked after a restart makes the trace stale, and a re-run clears it', () => {
    const store = createDebuggerStore((f) => f());
    store.getState().setRecording(rec);
    expect(selectStaleTraceVariant(store.getState())).toBeNull();
    store.getState().setParams({ variant: 'v18-28' });
    expect(selectStaleTraceVariant(store.getState())).toBeNull();
    store.getState().setParams({ variant: 'naive' });
    expect(selectStaleTraceVariant(store.getState())).toBe('v18-28');
    const edited = withRestartVariant(rec.scenario, 'naive')!;
    expect(edited.firstRestart).toBe(4);
    store.getState().setRecording(runSession(edited.scenario));
    expect(selectStaleTraceVariant(store.getState())).toBeNull();
  });
  it('findings for another variant than the one picked are stale', () => {
    const store = createDebuggerStore((f) => f());
    store.getState().setRecording(rec);
    store.getState().setExploreResult({
      format: 'crviz-explore/1',
      variant: 'v18-28',
      states: 1,
      schedules: 1,
      complete: true,
      violations: [],
    });
    expect(selectStaleFindingsVariant(store.getState())).toBeNull();
    store.getState().setParams({ variant: 'v19' });
    expect(selectStaleFindingsVariant(store.getState())).toBe('v18-28');
  });
  it('before any restart a picked Variant is for the next one: nothing is stale', () => {
    const store = createDebuggerStore((f) => f());
    store.getState().setRecording(runSession(scenario({ tree, steps: [{ op: 'freeze' }] })));
    store.getState().setParams({ variant: 'naive' });
    expect(selectStaleTraceVariant(store.getState())).toBeNull();
  });
});
