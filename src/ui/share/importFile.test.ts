import { describe, expect, it } from 'vitest';
import type { DebuggerInstance } from '../instance';
import { importFile } from './importFile';

/** An instance that records what importFile asked of it. */
function fakeInstance() {
  const calls: string[] = [];
  const instance = {
    store: {
      getState: () => ({ notify: (kind: string, text: string) => calls.push(`${kind}: ${text}`) }),
    },
    app: {
      uploadImage: (name: string) => (calls.push(`image ${name}`), Promise.resolve(false)),
      openText: (_text: string, name: string) => (
        calls.push(`scenario ${name}`),
        Promise.resolve(false)
      ),
    },
  } as unknown as DebuggerInstance;
  return { instance, calls };
}

describe('importFile', () => {
  it('an empty file is called empty, not a bad image', async () => {
    const { instance, calls } = fakeInstance();
    expect(await importFile(instance, 'empty.json', new Uint8Array())).toBe(false);
    expect(calls).toEqual(['error: empty.json: the file is empty']);
  });

  it('a .json file that is not an object goes to the scenario parser, which says why', async () => {
    const { instance, calls } = fakeInstance();
    await importFile(instance, 'list.json', new TextEncoder().encode('[1, 2]'));
    expect(calls).toEqual(['scenario list.json']);
  });

  it('anything else that is not JSON is read as an image', async () => {
    const { instance, calls } = fakeInstance();
    await importFile(instance, 'dump', new Uint8Array([1, 2, 3]));
    expect(calls).toEqual(['image dump']);
  });
});
