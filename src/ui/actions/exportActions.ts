import { errorText } from '../../engine/error-text';
import { traceParts } from '../share/trace';
import type { DebuggerState } from '../../store/types';
import { download } from '../share/download';
import { svgMarkup, treePng } from '../share/exportTree';
import { momentOf } from '../share/moment';
import type { ActionContext, ActionSpec, ActionState } from './types';

const loaded = ({ state }: ActionState) => (state.recording ? true : 'Nothing loaded yet');

/** The file name the session's files are saved under. */
const baseName = (state: DebuggerState) => state.recording?.scenario.name ?? 'crviz';

async function exportPng(ctx: ActionContext): Promise<void> {
  const svg = ctx.handles.call('treeSvg');
  const moment = momentOf(ctx.state);
  if (!svg || !moment) return;
  try {
    const png = await treePng(svg, moment);
    download(`${baseName(ctx.state)}.png`, png.slice().buffer, 'image/png');
  } catch (err) {
    ctx.state.notify('error', `PNG export failed: ${errorText(err)}`);
  }
}

/** Saving the scenario and exporting the tree and the trace as files. */
export const exportActions = {
  'save-scenario': {
    label: 'Save',
    group: 'scenario',
    help: 'Download the session’s scenario (your steps included) as a crviz-scenario/1 file',
    enabledWhen: loaded,
    perform: ({ state }) => {
      const scenario = state.recording?.scenario;
      if (!scenario) return;
      download(
        `${scenario.name}.json`,
        `${JSON.stringify(scenario, null, 2)}\n`,
        'application/json',
      );
    },
  },
  'export-svg': {
    label: 'Export SVG',
    group: 'share',
    help: 'Download the whole tree as drawn at this step, as an SVG file',
    enabledWhen: loaded,
    perform: (ctx) => {
      const svg = ctx.handles.call('treeSvg');
      if (svg) download(`${baseName(ctx.state)}.svg`, svgMarkup(svg).markup, 'image/svg+xml');
    },
  },
  'export-png': {
    label: 'Export PNG',
    group: 'share',
    help: 'Download the tree as a PNG that carries this moment: drop it on crviz to reopen it',
    enabledWhen: loaded,
    perform: exportPng,
  },
  'export-trace': {
    label: 'Export trace',
    group: 'share',
    help: 'Download the recorded events (one per kernel function) as a JSON trace',
    enabledWhen: loaded,
    perform: ({ state }) => {
      const frames = state.recording?.frames;
      if (!frames) return;
      download(`${baseName(state)}-trace.json`, traceParts(frames), 'application/json');
    },
  },
} satisfies Record<string, ActionSpec>;
