import type { PatchField } from '../../engine/scenario/types';
import { patchedName } from '../../store/imageNames';
import { selectImages } from '../../store/selectors';
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
      const bytes = image === undefined ? undefined : selectImages(ctx.state)?.[image];
      if (image === undefined || !bytes) return;
      download(`${image}.ckpt`, bytes.slice().buffer, 'application/octet-stream');
    },
  },
  'patch-image': {
    label: 'Patch image field',
    group: 'restart',
    help: 'Make a bad image: a patch step writes a copy (a → a-patched) with one field of a task record or pids entry set, and the image view shows it',
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
      // A new image, so the original stays to compare with and to restart from.
      const out = patchedName(patch.image, imageNames(ctx));
      return ctx.app.applyStep({ op: 'patch', ...patch, out }).then((done) => {
        if (done) ctx.handles.call('viewImage', out);
      });
    },
  },
  'compare-images': {
    label: 'Compare images',
    group: 'restart',
    help: 'Two images record by record, side by side, differing fields marked (the two newest, unless you pick them)',
    enabledWhen: (s) =>
      imageNames(s).length >= 2 ? true : 'Compare needs two images: patch or upload one',
    perform: (ctx: ActionContext, pair?: [string, string]) => {
      const names = imageNames(ctx);
      const [a, b] = pair ?? [names.at(-2), names.at(-1)];
      if (a !== undefined && b !== undefined) ctx.handles.call('compareImages', a, b);
    },
  },
} satisfies Record<string, ActionSpec>;
