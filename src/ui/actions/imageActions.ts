import type { PatchField } from '../../engine/scenario/types';
import { download } from '../share/download';
import { notBusy } from './guards';
import type { ActionContext, ActionSpec, ActionState } from './types';

/** One field of a task record (or pids entry) of an image, and the value it gets. */
export interface ImagePatch {
  image: string;
  pid: number;
  field: PatchField;
  value: number | string;
}

const NO_IMAGE = 'No image yet: Freeze, then Checkpoint';

const imageNames = ({ state }: ActionState) => Object.keys(state.recording?.images ?? {});
const hasImage = (s: ActionState) => (imageNames(s).length > 0 ? true : NO_IMAGE);

/** The image an action acts on: the one picked, else the newest (from the palette). */
const imageNamed = (ctx: ActionContext, name?: string) => name ?? imageNames(ctx).at(-1);

/** The session's checkpoint images: viewing, downloading and patching them. */
export const imageActions = {
  'view-image': {
    label: 'View image',
    group: 'restart',
    help: 'Open an image’s records beside its hex dump (the newest one, unless you pick one)',
    enabledWhen: hasImage,
    perform: (ctx: ActionContext, name?: string) => {
      const image = imageNamed(ctx, name);
      if (image !== undefined) ctx.handles.call('viewImage', image);
    },
  },
  'download-image': {
    label: 'Download image',
    group: 'restart',
    help: 'Download an image as a .ckpt file (the newest one, unless you pick one)',
    enabledWhen: hasImage,
    perform: (ctx: ActionContext, name?: string) => {
      const image = imageNamed(ctx, name);
      const bytes = image === undefined ? undefined : ctx.state.recording?.images[image];
      if (image === undefined || !bytes) return;
      download(`${image}.ckpt`, bytes.slice().buffer, 'application/octet-stream');
    },
  },
  'patch-image': {
    label: 'Patch image field',
    group: 'restart',
    help: 'Make a bad image: a patch step sets one field of a task record or pids entry',
    enabledWhen: (s) => {
      const busy = notBusy(s);
      return busy === true ? hasImage(s) : busy;
    },
    // The field and value are picked in the image's dialog: from the palette, it opens there.
    perform: (ctx: ActionContext, patch?: ImagePatch) => {
      if (!patch) {
        const image = imageNamed(ctx);
        if (image !== undefined) ctx.handles.call('viewImage', image);
        return;
      }
      return ctx.app.applyStep({ op: 'patch', ...patch });
    },
  },
} satisfies Record<string, ActionSpec>;
