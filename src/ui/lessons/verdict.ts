import { parsePartId } from '../../engine/part-id';
import type { WorldSnapshot } from '../../engine/snapshot';
import type { SessionRecording } from '../../engine/session-types';
import type { WorldReplay } from '../../engine/timeline/timeline';
import { activeHolder, holderText, type Holder, type Prediction } from './resolve';

/** A judged guess: the question it answers, the answer, and why the answer is what it is. */
export interface Verdict {
  /** The frame the verdict is about (the answer's); it is shown only there. */
  frame: number;
  question: string;
  text: string;
  why: string;
  right: boolean;
}

/** The recording, its timeline and the cursor the question was asked at. */
export interface Asked {
  recording: SessionRecording;
  timeline: WorldReplay;
  cursor: number;
}

function actorText(actor: string, initial: WorldSnapshot): string {
  const pid = parsePartId(actor);
  if (pid === undefined) return actor;
  return pid === null ? 'the coordinator' : holderText(pid, initial);
}

/**
 * Why `prediction`'s answer holds, from the frame in (from, to] where the holder changed: who
 * handed active_pid on, in which kernel function, and the rule that picks the next task
 * (restore_activate_next makes pids[active_pid + 1] active, in the image's pids order, the
 * depth-first order of build_tree; a zombie does it in exit_checkpoint, on its way out;
 * past the last entry nobody is woken and the restart completes).
 */
export function whyAnswer(asked: Asked, prediction: Prediction): string {
  const { recording: rec, timeline, cursor } = asked;
  const before = activeHolder(timeline.at(cursor));
  let at = prediction.target;
  for (let f = cursor + 1; f <= prediction.target; f++) {
    if (activeHolder(timeline.at(f)) !== before) {
      at = f;
      break;
    }
  }
  const world = timeline.at(at);
  const r = world.restart;
  const event = rec.frames.get(at)?.event;
  if (!r || !event) return '';
  const by = `${actorText(event.actor, rec.initial)} called ${event.fn} (step ${at + 1})`;
  const order = r.pids.join(', ');
  const index = r.ctx?.active_pid ?? -1;
  const answer = prediction.answer;
  if (answer === 'failed') {
    return `${by} and the restart recorded an error (${r.ctx?.error ?? 'error'}): the task the turn was for could not take it, so nobody gets active_pid.`;
  }
  if (answer === 'complete') {
    return `${by}: active_pid became ${index}, past the last of the ${r.pids.length} entries of the pids array (${order}), so no task is woken and the restart completes.`;
  }
  const how =
    event.fn === 'exit_checkpoint'
      ? 'a zombie cannot return to user space, so it hands the turn on in exit_checkpoint on its way out'
      : 'restore_activate_next gives the turn to the next entry of the pids array';
  return `${by}: ${how}. active_pid became ${index}, and entry ${index} of the pids array (${order}, the image’s depth-first order) is pid ${answer}.`;
}

function questionText(asked: Asked): string {
  const before: Holder = activeHolder(asked.timeline.at(asked.cursor));
  return typeof before === 'number'
    ? `Who gets active_pid after ${holderText(before, asked.recording.initial)}?`
    : 'Who gets active_pid first?';
}

/** Judges `choice` for `prediction`, asked at `asked.cursor`. Reads other frames: not in render. */
export function judge(asked: Asked, prediction: Prediction, choice: Prediction['answer']): Verdict {
  const initial = asked.recording.initial;
  const answer = holderText(prediction.answer, initial);
  const right = choice === prediction.answer;
  const outcome = prediction.answer === 'failed' ? answer : `${answer} gets active_pid`;
  const text = right
    ? `Right: ${outcome}.`
    : `Wrong: you picked ${holderText(choice, initial)}; ${outcome}.`;
  return {
    frame: prediction.target,
    question: `${questionText(asked)} You answered ${holderText(choice, initial)}.`,
    text,
    why: whyAnswer(asked, prediction),
    right,
  };
}
