import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../events';
import { touchedBySubSteps } from './touched';

const ev = (fn: EngineEvent['fn'], pid: number | undefined, actor = 'pid:4'): EngineEvent =>
  ({ seq: 0, fn, actor, what: '', ...(pid === undefined ? {} : { pid }) }) as EngineEvent;

describe('touchedBySubSteps', () => {
  it('names the exiting task, each sub-step’s task and its actor', () => {
    const sub = [
      ev('forget_original_parent', 4),
      ev('reparent_thread', 7),
      ev('reparent_thread', 9),
      ev('do_notify_parent', 4),
      ev('exit_notify', 4),
    ];
    expect(new Set(touchedBySubSteps(4, sub))).toEqual(new Set([4, 7, 9]));
  });

  it('gives up (every task is compared) when a sub-step may change others', () => {
    expect(touchedBySubSteps(4, [ev('group_send_sig_info', 2)])).toBeUndefined();
    expect(touchedBySubSteps(4, [ev('kill_orphaned_pgrp', 4)])).toBeUndefined();
    expect(touchedBySubSteps(4, [ev('zap_pid_ns_processes', 1)])).toBeUndefined();
    // A sub-step that names no task cannot say what it changed.
    expect(touchedBySubSteps(4, [ev('release_task', undefined)])).toBeUndefined();
  });
});
