import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { importArchive, readArchive } from './archive';
import { archiveBlob, imageBytes, procBefore } from './fixtures/real-tree';

const { root, tasks } = procBefore();
const NEEDED = [
  'pstree.img',
  ...tasks
    .flatMap((t) => (t.state === 'Z' ? [t.pid] : t.threads.map((x) => x.tid)))
    .map((t) => `core-${t}.img`),
];

async function tar(prefix: string, extra: Record<string, Uint8Array> = {}): Promise<Blob> {
  const files = { ...Object.fromEntries(NEEDED.map((n) => [n, imageBytes(n)])), ...extra };
  const entries = Object.entries(files).map(([name, body]) => ({
    header: { name: prefix + name, size: body.length, type: 'file' as const },
    body,
  }));
  return new Blob([await packTar(entries)]);
}

async function gzip(blob: Blob): Promise<Blob> {
  const stream = blob.stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

describe('checkpoint archives', () => {
  it('finds the images under checkpoint/ (Podman, CRI-O) in the real .tar.gz', async () => {
    const r = await readArchive(await archiveBlob());
    expect(r.ok && r.dir).toBe('checkpoint/');
  });

  it('reads a plain .tar and a .tar.gz with the images at the root', async () => {
    for (const blob of [await tar(''), await gzip(await tar('./'))]) {
      const r = await importArchive(blob, 'x.tar', 'x');
      expect(r.ok && r.tasks).toBe(20);
    }
  });

  it('keeps only pstree.img and core-*.img: memory pages are drained, not held', async () => {
    const pages = new Uint8Array(1 << 20).fill(7);
    const r = await readArchive(await gzip(await tar('checkpoint/', { 'pages-1.img': pages })));
    if (!r.ok) throw new Error(r.message);
    expect(r.files.read('pages-1.img', 1 << 30)).toMatchObject({ ok: false, missing: true });
    expect(r.files.read(`core-${root}.img`, 1 << 30)).toMatchObject({ ok: true });
  });

  it('reports progress over the whole archive', async () => {
    const blob = await gzip(await tar(''));
    const seen: number[] = [];
    await importArchive(blob, 'x', 'x', (p) => seen.push(p.read / p.total));
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('says in one line why an archive cannot be used', async () => {
    const noDump = new Blob([await packTar([{ header: { name: 'a.txt', size: 1 }, body: 'a' }])]);
    expect(await importArchive(noDump, 'a.tar', 'a')).toEqual({
      ok: false,
      message: 'no pstree.img at the root or under checkpoint/',
    });
    const good = new Uint8Array(await (await gzip(await tar(''))).arrayBuffer());
    const broken = new Blob([good.slice(0, good.length / 2)]);
    expect(await importArchive(broken, 'b.tgz', 'b')).toEqual({
      ok: false,
      message: expect.stringMatching(/^not a readable \.tar\.gz \(.+\)$/),
    });
    const missingCore = await tar('', {});
    const r = await readArchive(missingCore);
    expect(r.ok).toBe(true);
  });
});
