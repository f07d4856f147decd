import { partId } from '../../engine/part-id';
import { COORDINATOR_PID } from '../../render/tree';
import { actableContainer, check, freezerNot, notBusy } from './guards';
import { whyNotRunnable } from './runNext';
import type { ActionSpec } from './types';

function nextImageName(images: string[]): string {
  let n = images.length + 1;
  while (images.includes(`ckpt${n}`)) n++;
  return `ckpt${n}`;
}

/** Container-wide actions (freezer, checkpoint, destroy) and restart. */
export const containerActions = {
  freeze: {
    label: 'Freeze',
    group: 'container',
    shortcut: 'z',
    help: 'Write FROZEN to the container’s freezer cgroup',
    enabledWhen: (ctx) => freezerNot(ctx, 'FROZEN', 'The container is already frozen'),
    perform: (ctx) => ctx.app.applyStep({ op: 'freeze' }),
  },
  thaw: {
    label: 'Thaw',
    group: 'container',
    shortcut: 'x',
    help: 'Write THAWED to the freezer cgroup; signals sent while frozen are delivered',
    enabledWhen: (ctx) => freezerNot(ctx, 'THAWED', 'The container is not frozen'),
    perform: (ctx) => ctx.app.applyStep({ op: 'thaw' }),
  },
  checkpoint: {
    label: 'Checkpoint',
    group: 'container',
    shortcut: 'c',
    help: 'sys_checkpoint of the whole container into a new image (the tree must be frozen)',
    enabledWhen: (ctx) =>
      check(actableContainer(ctx, 'The container is destroyed: nothing to checkpoint')),
    perform: (ctx) =>
      ctx.app.applyStep({ op: 'checkpoint', image: nextImageName(ctx.end?.images ?? []) }),
  },
  destroy: {
    label: 'Destroy',
    group: 'container',
    shortcut: 'D',
    help: 'SIGKILL every task of the container and reap them; the container is gone',
    enabledWhen: (ctx) => check(actableContainer(ctx, 'The container is already destroyed')),
    perform: (ctx) => ctx.app.applyStep({ op: 'destroy' }),
  },
  restart: {
    label: 'Restart',
    group: 'restart',
    shortcut: 'r',
    help: 'sys_restart of the latest image into a new container, then step through the protocol',
    enabledWhen: (ctx) => {
      const b = notBusy(ctx);
      if (b !== true) return b;
      return ctx.end?.images.length ? true : 'Restart needs an image: checkpoint first';
    },
    perform: (ctx) => {
      const image = ctx.end?.images.at(-1);
      const { variant, schedule } = ctx.state.params;
      if (!image) return;
      return ctx.app.applyStep({
        op: 'restart',
        image,
        ...(variant ? { variant } : {}),
        ...(schedule !== 'fifo' ? { schedule: schedule as `random:${string}` } : {}),
      });
    },
  },
  'run-next': {
    label: 'Run next',
    group: 'restart',
    shortcut: 'n',
    help: 'Manual schedule: the selected runnable participant takes the next step (this replaces the rest of the recording; Undo brings it back)',
    enabledWhen: (ctx) => {
      const b = notBusy(ctx);
      if (b !== true) return b;
      const r = ctx.here?.restart;
      if (!r || r.finished) return 'Only during a restart (step into one first)';
      const sel = ctx.state.selection;
      if (sel === null) return 'Select a restarting task or the coordinator';
      const id = partId(sel === COORDINATOR_PID ? null : sel);
      const p = r.participants.find((x) => x.id === id);
      if (!p) return `${id} is not a restart participant`;
      return p.runnable && !p.done ? true : whyNotRunnable(r, p);
    },
    perform: (ctx) => {
      const sel = ctx.state.selection;
      if (sel === null) return;
      return ctx.app.pickNext(partId(sel === COORDINATOR_PID ? null : sel));
    },
  },
} satisfies Record<string, ActionSpec>;
