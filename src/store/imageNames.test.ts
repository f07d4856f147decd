import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeName, patchedName, uploadName } from './imageNames';

const name = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);

describe('image names', () => {
  it('a patch of a makes a-patched, then a-patched-2', () => {
    expect(patchedName('a', ['a'])).toBe('a-patched');
    expect(patchedName('a', ['a', 'a-patched'])).toBe('a-patched-2');
    expect(patchedName('a-patched', ['a', 'a-patched'])).toBe('a-patched-2');
    expect(patchedName('a-patched-2', ['a', 'a-patched', 'a-patched-2'])).toBe('a-patched-3');
  });

  it('an upload with a name in use is renamed', () => {
    expect(freeName('ckpt1', ['ckpt1'])).toBe('ckpt1-2');
    expect(freeName('ckpt1', ['ckpt1', 'ckpt1-2'])).toBe('ckpt1-3');
    expect(freeName('x', ['ckpt1'])).toBe('x');
    expect(uploadName('my file.CKPT')).toBe('my_file');
    expect(uploadName('.ckpt')).toBe('upload');
  });

  it('never gives a name in use, and only safe names', () => {
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 20 }), (image, used) => {
        const all = [image, ...used];
        expect(used).not.toContain(freeName(image, used));
        expect(all).not.toContain(patchedName(image, all));
        expect(freeName(image, used)).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(patchedName(image, all)).toMatch(/^[A-Za-z0-9._-]+-patched(-\d+)?$/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (file) => {
        expect(uploadName(file)).toMatch(/^[A-Za-z0-9._-]+$/);
      }),
    );
  });
});
