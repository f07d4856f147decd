import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCriuDump, type DumpFiles } from './dump';
import { decodeCore, decodePstree } from './decode';
import { imageBytes, procBefore } from './fixtures/real-tree';

const { root, tasks } = procBefore();
const zombie = tasks.find((t) => t.state === 'Z') as (typeof tasks)[number];

/** The same framing CRIU writes: IMG_COMMON, the image magic, then (u32 size, message)s. */
function image(magic: number, messages: Uint8Array[]): Uint8Array {
  const parts = [new Uint32Array([0x54564319, magic])];
  const out: number[] = [...new Uint8Array(parts[0].buffer)];
  for (const m of messages) {
    out.push(...new Uint8Array(new Uint32Array([m.length]).buffer), ...m);
  }
  return Uint8Array.from(out);
}

function memFiles(files: Record<string, Uint8Array>): DumpFiles {
  return {
    read: (name) =>
      files[name]
        ? { ok: true, bytes: files[name] }
        : { ok: false, missing: true, reason: 'no such file' },
  };
}

describe('CRIU image decoding', () => {
  it('reads pstree.img entries as crit decode prints them', () => {
    const d = decodePstree(imageBytes('pstree.img'));
    expect(d.ok && d.value[0]).toEqual({
      pid: root,
      ppid: 0,
      pgid: root,
      sid: root,
      threads: [root],
    });
  });

  it("reads a zombie's core: tc only, with the raw wait status", () => {
    const d = decodeCore(imageBytes(`core-${zombie.pid}.img`));
    expect(d.ok && d.value).toEqual({
      mtype: 1,
      tc: { task_state: 2, exit_code: zombie.exit_code, personality: 0, flags: 0, comm: 'z-exit0' },
    });
  });

  it('skips fields it does not know (a newer CRIU), including whole nested messages', () => {
    // core_entry field 99 (length-delimited) and task_core_entry field 50 (varint): unknown.
    const tc = [0x08, 0x02, 0x10, 0x00, 0x32, 0x01, 0x78, 0x90, 0x03, 0x07];
    const msg = Uint8Array.from([0x08, 0x01, 0x1a, tc.length, ...tc, 0x9a, 0x06, 0x02, 0xaa, 0xbb]);
    const d = decodeCore(image(0x55053847, [msg]));
    expect(d.ok && d.value).toEqual({ mtype: 1, tc: { task_state: 2, exit_code: 0, comm: 'x' } });
  });

  it('names the file and the entry of a damaged image, in one line', () => {
    const good = imageBytes('pstree.img');
    const files = (pstree: Uint8Array) => memFiles({ 'pstree.img': pstree });
    const cut = importCriuDump(files(good.slice(0, good.length - 3)), 'd', 'd');
    expect(cut).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^pstree\.img: entry \d+ \(offset \d+\): says \d+ bytes, only \d+ left \(truncated\?\)$/,
      ),
    });
    const garbage = image(0x50273030, [Uint8Array.from([0x0a, 0x7f, 0x01])]);
    expect(importCriuDump(files(garbage), 'd', 'd')).toEqual({
      ok: false,
      message: expect.stringMatching(/^pstree\.img: entry 0: not a valid pstree_entry \(.+\)$/),
    });
    const core = imageBytes('pstree.img'); // a pstree where a core should be
    const r = importCriuDump(
      memFiles({ 'pstree.img': good, [`core-${root}.img`]: core }),
      'd',
      'd',
    );
    expect(r).toEqual({
      ok: false,
      message: `core-${root}.img: magic 0x50273030 is not CORE's 0x55053847`,
    });
    expect(importCriuDump(memFiles({}), 'd', 'd')).toEqual({
      ok: false,
      message: 'no pstree.img, so not a CRIU images directory',
    });
  });

  it('never throws on damaged bytes: one message or a decoded image', () => {
    const good = imageBytes(`core-${root}.img`);
    fc.assert(
      fc.property(
        fc.nat(good.length - 1),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (at, junk, truncate) => {
          const bytes = truncate ? good.slice(0, at) : good.slice();
          if (!truncate) bytes.set(junk.subarray(0, good.length - at), at);
          const d = decodeCore(bytes);
          if (!d.ok) expect(d.message).toMatch(/\S/);
        },
      ),
    );
  });
});
