/**
 * `crviz import PATH`: a CRIU images directory, a checkpoint archive or a criu-tree/1 bundle,
 * told apart by what the path is and how the file starts. File access stays here; the engine's
 * importers (src/engine/import) take bytes, a Blob or a read function.
 */
import { isGzip } from '../engine/import/criu/archive';
import type { DumpFiles } from '../engine/import/criu/dump';
import type { ImportResult } from '../engine/import/types';
import { loadEngine, readText } from './scenario-file';
import { noteLines } from './snapshot';
import { usage, type CliDeps, type CliResult } from './types';

const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz)$/i;

/** A tar file has "ustar" at offset 257 (POSIX and GNU headers alike). */
function isTar(bytes: Uint8Array): boolean {
  const magic = [0x75, 0x73, 0x74, 0x61, 0x72];
  return bytes.length > 262 && magic.every((b, i) => bytes[257 + i] === b);
}

/** Files of a directory on disk, each bounded before it is read. */
function dirFiles(deps: CliDeps, dir: string): DumpFiles {
  return {
    read(name, maxBytes) {
      const path = `${dir}/${name}`;
      const kind = deps.pathKind?.(path);
      if (!kind) return { ok: false, missing: true, reason: 'no such file' };
      if (kind.kind !== 'file') return { ok: false, missing: false, reason: 'not a file' };
      if (kind.size > maxBytes) {
        return { ok: false, missing: false, reason: `${kind.size} bytes, more than ${maxBytes}` };
      }
      const r = deps.readFile(path);
      return r.ok ? r : { ok: false, missing: false, reason: r.reason };
    },
  };
}

function baseName(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/');
  return (parts.pop() ?? 'dump').replace(ARCHIVE_NAME, '') || 'dump';
}

async function importPath(deps: CliDeps, path: string): Promise<ImportResult | CliResult> {
  const kind = deps.pathKind?.(path);
  if (kind?.kind === 'dir') {
    const mod = await loadEngine('CRIU image importer', () => import('../engine/import/criu/dump'));
    if (!mod.ok) return mod.result;
    const dir = path.replace(/\/+$/, '') || '/';
    // An unpacked Podman/CRI-O archive keeps the images one level down, under checkpoint/.
    const sub = `${dir}/checkpoint`;
    const useSub = !deps.pathKind?.(`${dir}/pstree.img`) && deps.pathKind?.(sub)?.kind === 'dir';
    return mod.fn.importCriuDump(
      dirFiles(deps, useSub ? sub : dir),
      useSub ? sub : dir,
      baseName(dir),
    );
  }
  if (deps.pathKind && !kind) return usage(`${path}: no such file`);
  // Only the first 512 bytes decide: an archive is streamed later, never read whole.
  const blob = deps.openBlob ? await deps.openBlob(path) : null;
  const head = blob ? new Uint8Array(await blob.slice(0, 512).arrayBuffer()) : new Uint8Array();
  if (blob && (ARCHIVE_NAME.test(path) || isGzip(head) || isTar(head))) {
    const mod = await loadEngine('archive importer', () => import('../engine/import/criu/archive'));
    if (!mod.ok) return mod.result;
    return mod.fn.importArchive(blob, path, baseName(path));
  }
  const t = readText(deps, path);
  if (!t.ok) return t.result;
  const mod = await loadEngine('bundle importer', () => import('../engine/import/bundle'));
  if (!mod.ok) return mod.result;
  return mod.fn.importBundle(t.text, path);
}

export async function importCommand(args: { file: string }, deps: CliDeps): Promise<CliResult> {
  const r = await importPath(deps, args.file);
  if ('exitCode' in r) return r;
  if (!r.ok) return usage(`${args.file}: ${r.message}`);
  return { stdout: r.json, stderr: noteLines(r.tasks, r.notes), exitCode: 0 };
}
