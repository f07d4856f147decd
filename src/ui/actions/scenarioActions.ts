import type { DumpBlob } from '../../engine/import/criu/blobs';
import { defaultScenario } from '../defaultScenario';
import { importPicked } from '../share/importFile';
import type { ActionContext, ActionSpec } from './types';

/** Opening files, going back to the default scenario and fitting the tree to the panel. */
export const scenarioActions = {
  'open-scenario': {
    label: 'Open scenario…',
    group: 'scenario',
    help: 'Open a crviz-scenario/1 file (a bad file gets the parser’s message, nothing changes)',
    enabledWhen: () => true,
    perform: (ctx) => ctx.handles.call('pickScenarioFile'),
  },
  'import-file': {
    label: 'Import file…',
    group: 'scenario',
    help: 'Open any file crviz reads: a scenario, a criu-tree/1 bundle, a .ckpt image, a crviz PNG',
    enabledWhen: () => true,
    perform: (ctx) => ctx.handles.call('pickImportFile'),
  },
  'import-folder': {
    label: 'Import CRIU folder…',
    group: 'scenario',
    help: 'Open a folder of CRIU images (a dump) as a scenario; the engine reads it in the worker',
    enabledWhen: () => true,
    perform: (ctx) => ctx.handles.call('pickDumpFolder'),
  },
  'import-dropped': {
    label: 'Import dropped files',
    group: 'scenario',
    help: 'Open what was dropped on the page, as Import file… does (a folder of CRIU images too)',
    enabledWhen: () => true,
    // Without files (from the palette) there is nothing dropped: the import picker opens.
    perform: (ctx: ActionContext, files?: DumpBlob[]) =>
      files ? importPicked(ctx, files) : ctx.handles.call('pickImportFile'),
  },
  'upload-image': {
    label: 'Upload .ckpt…',
    group: 'scenario',
    help: 'Add a checkpoint image file to the session (it is checked first)',
    enabledWhen: () => true,
    perform: (ctx) => ctx.handles.call('pickImageFile'),
  },
  'reset-scenario': {
    label: 'Reset',
    group: 'scenario',
    help: 'Back to the default scenario (Undo brings your steps back)',
    enabledWhen: () => true,
    perform: (ctx) => ctx.app.reset(defaultScenario),
  },
  fit: {
    label: 'Fit',
    group: 'scenario',
    help: 'Zoom the tree so that all of it fits the panel',
    enabledWhen: () => true,
    perform: (ctx) => ctx.handles.call('fitTree'),
  },
} satisfies Record<string, ActionSpec>;
