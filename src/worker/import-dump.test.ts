import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDumpInput } from '../engine/import/criu/blobs';
import { archiveBlob, IMAGES } from '../engine/import/criu/fixtures/real-tree';
import { parseScenario } from '../engine/scenario/parse';
import { answer, type EngineApi } from './handler';
import type { EngineResponse } from './protocol';
import { fromWire } from './wireScenario';

const api = { parseScenario, importDumpInput } as unknown as EngineApi;

/** The images folder as a dropped folder gives it: files with paths under the folder's name. */
function folder(prefix: string) {
  return readdirSync(IMAGES).map((n) => ({
    path: `${prefix}${n}`,
    file: new Blob([readFileSync(`${IMAGES}/${n}`)]),
  }));
}

async function ask(input: Parameters<typeof importDumpInput>[0], name: string) {
  const early: EngineResponse[] = [];
  const res = await answer(api, { type: 'importDump', id: 7, name, input }, (m) => early.push(m));
  return { res, early };
}

describe('the importDump request', () => {
  it('opens a dropped folder (images one level down, as in a Podman export) with progress', async () => {
    const { res, early } = await ask({ files: folder('export/checkpoint/') }, 'export');
    expect(res.type).toBe('scenario');
    if (res.type === 'scenario') expect(fromWire(res.scenario).tree).toHaveLength(20);
    const last = early.at(-1);
    expect(last).toMatchObject({ type: 'progress', id: 7, progress: { op: 'import' } });
    if (last?.type === 'progress') expect(last.progress.done).toBe(last.progress.total);
  });

  it('opens an archive', async () => {
    const { res } = await ask({ archive: await archiveBlob() }, 'dump.tar.gz');
    expect(res.type === 'scenario' && fromWire(res.scenario).name).toBe('dump');
  });

  it('answers a folder without a dump with one error naming it', async () => {
    const { res } = await ask({ files: [{ path: 'x/a.txt', file: new Blob(['a']) }] }, 'x');
    expect(res).toEqual({
      type: 'error',
      id: 7,
      message: 'x: no pstree.img in it, so not a CRIU dump',
    });
  });
});
