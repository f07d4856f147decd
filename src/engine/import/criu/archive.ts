/**
 * A checkpoint archive (`.tar`, `.tar.gz`, `.tgz`) holding a CRIU dump, with the images at its
 * root or under `checkpoint/` as Podman's `container checkpoint --export` and CRI-O/kubelet
 * checkpoints lay them out. The archive is streamed: gunzip by the platform's
 * DecompressionStream, tar entries by modern-tar, and only pstree.img and core-*.img are kept;
 * every other entry (memory pages above all) is drained without being held. Runs the same in
 * Node (the CLI) and in the worker.
 */
import { unpackTar, type TarHeader } from 'modern-tar';
import type { ImportResult } from '../types';
import { importCriuDump, MAX_CORE_BYTES, MAX_PSTREE_BYTES, type DumpFiles } from './dump';
import { errorText } from '../../error-text';

/** Where the images may be inside an archive, in the order they are looked for. */
export const IMAGE_DIRS = ['', 'checkpoint/'] as const;

const WANTED = /^(pstree\.img|core-\d+\.img)$/;

export interface ArchiveProgress {
  /** Bytes of the archive read so far, and its size. */
  read: number;
  total: number;
}

/** True when the bytes start as gzip does (RFC 1952: 1f 8b). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** `./checkpoint/core-7.img` -> { dir: 'checkpoint/', base: 'core-7.img' } */
function split(name: string): { dir: string; base: string } {
  const clean = name.replace(/^(\.\/)+/, '');
  const i = clean.lastIndexOf('/');
  return { dir: clean.slice(0, i + 1), base: clean.slice(i + 1) };
}

function counted(
  stream: ReadableStream<Uint8Array>,
  total: number,
  onProgress?: (p: ArchiveProgress) => void,
): ReadableStream<Uint8Array> {
  if (!onProgress) return stream;
  let read = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        read += chunk.byteLength;
        onProgress({ read, total });
        ctl.enqueue(chunk);
      },
    }),
  );
}

/** The dump's files out of an archive, or why the archive cannot be read. */
export async function readArchive(
  archive: Blob,
  onProgress?: (p: ArchiveProgress) => void,
): Promise<{ ok: true; files: DumpFiles; dir: string } | { ok: false; message: string }> {
  const head = new Uint8Array(await archive.slice(0, 2).arrayBuffer());
  const gz = isGzip(head);
  let stream = counted(archive.stream(), archive.size, onProgress);
  if (gz) stream = stream.pipeThrough(new DecompressionStream('gzip') as TransformStream);
  const kept = new Map<string, Uint8Array>();
  const tooBig = new Map<string, number>();
  const filter = (h: TarHeader): boolean => {
    const { dir, base } = split(h.name);
    if (!(IMAGE_DIRS as readonly string[]).includes(dir) || !WANTED.test(base)) return false;
    if (h.type !== undefined && h.type !== 'file') return false;
    const max = base === 'pstree.img' ? MAX_PSTREE_BYTES : MAX_CORE_BYTES;
    if ((h.size ?? 0) > max) {
      tooBig.set(dir + base, h.size ?? 0);
      return false; // drained, never buffered
    }
    return true;
  };
  try {
    for (const e of await unpackTar(stream, { filter, strict: true })) {
      if (e.data) kept.set(split(e.header.name).dir + split(e.header.name).base, e.data);
    }
  } catch (err) {
    const what = gz ? 'not a readable .tar.gz' : 'not a readable tar archive';
    return { ok: false, message: `${what} (${errorText(err)})` };
  }
  const dir = IMAGE_DIRS.find((d) => kept.has(`${d}pstree.img`) || tooBig.has(`${d}pstree.img`));
  if (dir === undefined) {
    return { ok: false, message: 'no pstree.img at the root or under checkpoint/' };
  }
  const files: DumpFiles = {
    read(name, maxBytes) {
      const big = tooBig.get(dir + name);
      if (big !== undefined) {
        return { ok: false, missing: false, reason: `${big} bytes, more than ${maxBytes}` };
      }
      const bytes = kept.get(dir + name);
      return bytes
        ? { ok: true, bytes }
        : { ok: false, missing: true, reason: 'not in the archive' };
    },
  };
  return { ok: true, files, dir };
}

/** `crviz import x.tar.gz` and an archive dropped on the page. */
export async function importArchive(
  archive: Blob,
  label: string,
  name: string,
  onProgress?: (p: ArchiveProgress) => void,
): Promise<ImportResult> {
  const r = await readArchive(archive, onProgress);
  if (!r.ok) return r;
  const imported = importCriuDump(r.files, `${label}${r.dir ? `:${r.dir}` : ''}`, name);
  return imported.ok ? imported : { ok: false, message: `${r.dir}${imported.message}` };
}
