/**
 * The real CRIU 4.1.1 dump of scripts/criu-fixtures/make.sh, imported four ways (the images
 * directory, the same images in a .tar.gz, and crit's own decode and --pretty output), compared
 * with what /proc showed just before the dump.
 */
import { describe, expect, it } from 'vitest';
import { commToBytes } from '../../kernel/comm';
import { runScenario } from '../../scenario/runner';
import type { RunResult } from '../../scenario/outcome';
import { parseScenario } from '../../scenario/parse';
import type { Scenario, TreeEntry } from '../../scenario/types';
import { importBundle } from '../bundle';
import type { ImportResult } from '../types';
import { importArchive } from './archive';
import { importCriuDump } from './dump';
import { archiveBlob, critBundle, imageFiles, procBefore } from './fixtures/real-tree';
import { CHECKPOINT_RESTART_STEPS } from '../../scenario/testing';

const hex = (comm: string) => Buffer.from(commToBytes(comm)).toString('hex');
const STATE: Record<string, TreeEntry['state']> = { Z: 'zombie', T: 'stopped' };

function scenarioOf(r: ImportResult): Scenario {
  if (!r.ok) throw new Error(r.message);
  const parsed = parseScenario(r.json, 'import');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

/** The tree as /proc showed it, in the fields a CRIU dump keeps. */
function expectedTree() {
  const { root, tasks } = procBefore();
  return tasks.flatMap((t) => {
    const state = STATE[t.state] ?? 'running';
    const leader = {
      pid: t.pid,
      ppid: t.pid === root ? 0 : t.ppid,
      tgid: t.pid,
      pgid: t.pgid,
      sid: t.sid,
      state,
      exit_code: state === 'zombie' ? t.exit_code : 0,
      comm: t.comm_hex,
    };
    const threads = t.threads
      .filter((th) => th.tid !== t.pid)
      .map((th) => ({
        ...leader,
        pid: th.tid,
        state: STATE[th.state] ?? 'running',
        comm: th.comm_hex,
      }));
    return [leader, ...threads];
  });
}

function actualTree(s: Scenario) {
  return s.tree.map((e) => ({
    pid: e.pid,
    ppid: e.ppid,
    tgid: e.tgid,
    pgid: e.pgid,
    sid: e.sid,
    state: e.state,
    exit_code: e.exit_code,
    comm: hex(e.comm),
  }));
}

function run(s: Scenario): RunResult {
  const r = runScenario(s, { baseDir: '.', readFile: () => null });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r;
}

const byPid = <T extends { pid: number }>(l: T[]) => [...l].sort((a, b) => a.pid - b.pid);

const imports: [string, () => Promise<ImportResult>][] = [
  ['the images directory', () => Promise.resolve(importCriuDump(imageFiles(), 'images', 'real'))],
  ['the .tar.gz archive', async () => importArchive(await archiveBlob(), 'dump.tar.gz', 'real')],
  ['crit decode output', () => Promise.resolve(importBundle(critBundle(false), 'crit.json'))],
  ['crit decode --pretty output', () => Promise.resolve(importBundle(critBundle(true), 'p.json'))],
];

describe('a real CRIU 4.1.1 dump', () => {
  it.each(imports)('%s gives the tree /proc showed before the dump', async (_, load) => {
    const s = scenarioOf(await load());
    expect(byPid(actualTree(s))).toEqual(byPid(expectedTree()));
    expect(s.tree[0]).toMatchObject({ ppid: 0, init: false });
  });

  it.each(imports)(
    '%s carries CRIU restore notes for the statuses CRIU changes',
    async (_, load) => {
      const r = await load();
      if (!r.ok) throw new Error(r.message);
      const criu = r.notes.filter((n) => n.includes('CRIU 4.1.1'));
      expect(criu).toEqual([
        expect.stringMatching(
          /^pid \d+ \(z-exit200\): CRIU 4\.1\.1 restores it as exited 72, not 200/,
        ),
        expect.stringMatching(
          /^pid \d+ \(z-segv-core\): .* SIGSEGV \(11\) without the core-dump flag/,
        ),
        expect.stringMatching(/^pid \d+ \(z-rtmin2\): .* SIGABRT, not SIGRTMIN\+2 \(36\)/),
      ]);
    },
  );

  it('keeps the cut UTF-8 character of a comm as its byte, and the pdeath signal', () => {
    const s = scenarioOf(importCriuDump(imageFiles(), 'images', 'real'));
    const odd = s.tree.find((e) => hex(e.comm).endsWith('e2'));
    expect(odd?.comm).toBe('héllo wörld \udce2');
    expect(s.tree.find((e) => e.comm === 'pdeath-term')?.pdeath_signal).toBe(15);
  });

  it('reads only pstree.img and the cores of the tasks it lists, no memory', () => {
    const files = imageFiles();
    importCriuDump(files, 'images', 'real');
    const { tasks } = procBefore();
    const tids = tasks.flatMap((t) => (t.state === 'Z' ? [t.pid] : t.threads.map((x) => x.tid)));
    expect([...files.asked].sort()).toEqual(
      ['pstree.img', ...tids.map((t) => `core-${t}.img`)].sort(),
    );
  });

  it('checkpoints and restarts in crviz as it is; the seed refuses the core-dumped zombie', () => {
    const s = scenarioOf(importCriuDump(imageFiles(), 'images', 'real'));
    const steps: Scenario['steps'] = [...CHECKPOINT_RESTART_STEPS];
    const all = run({ ...s, steps });
    expect(all.steps.map((o) => o.ok)).toEqual([true, true, true, false]);
    const crasher = s.tree.find((e) => e.comm === 'z-segv-core');
    expect(all.steps[3]).toMatchObject({
      errno: 'EINVAL',
      message: `pid ${crasher?.pid}: exit_code 0x8b fails valid_exit_code`,
    });

    const tree = s.tree.filter((e) => e !== crasher);
    const rest = run({ ...s, tree, steps });
    expect(rest.steps.map((o) => o.ok)).toEqual([true, true, true, true]);
    const restored = rest.world.containers[rest.world.current - 1];
    const odd = [...restored.tasks.values()].find((t) => hex(t.comm).endsWith('e2'));
    expect(odd?.comm).toBe('héllo wörld \udce2');
  });
});
