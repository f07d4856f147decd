/**
 * Every reader of outside input, as a fuzz target: what it reads, how to make inputs for it, and
 * how to call it. The fuzz test (npm test, a few thousand cases) and `npm run fuzz` (a million
 * per reader) run each one through the same checks (harness.ts). A new reader is one entry here,
 * as the CRIU image reader is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { decodeImage } from '../engine/image/decode';
import { imageInput } from '../engine/image/test-arbitraries';
import { writeErrorImage, writeImage } from '../engine/image/writer';
import { importBundle } from '../engine/import/bundle';
import { inflateCapped } from '../engine/inflate';
import { decodeCore, decodePstree } from '../engine/import/criu/decode';
import { IMAGES } from '../engine/import/criu/fixtures/real-tree';
import { CORE_MAGIC } from '../engine/import/criu/image-file';
import { parseScenario } from '../engine/scenario/parse';
import { decodeMoment } from '../ui/share/linkCodec';
import { addTextChunks, readTextChunks } from '../ui/share/pngText';
import bundleSample from '../engine/import/fixtures/bundle-pretty.json';
import { mutatedBytes, mutatedText } from './mutate';

export interface FuzzTarget<I extends string | Uint8Array = string | Uint8Array> {
  name: string;
  input: fc.Arbitrary<I>;
  /** Reads one input; whatever it returns is its verdict. Must never throw. */
  read(input: I): unknown;
}

const SCENARIO = JSON.stringify({
  format: 'crviz-scenario/1',
  name: 'fuzz',
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'parent' },
    { pid: 3, ppid: 2, state: 'zombie', exit_code: 256 },
    { pid: 4, ppid: 1, tgid: 2 },
  ],
  steps: [
    { op: 'fork', pid: 2, child: 5 },
    { op: 'kill', pid: 5, signal: 'SIGTERM', expect: { ok: true } },
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a', schedule: ['coord', 'pid:1'], variant: 'v17' },
  ],
});

const images = fc.oneof(
  imageInput.map(writeImage),
  fc.string({ maxLength: 300 }).map(writeErrorImage),
);

/** Valid link fragments to mutate: a moment, plain (`j`) and deflated (`z`). */
function linkOf(scenarioText: string, compress: boolean): string {
  const raw = Buffer.from(scenarioText);
  const s = compress
    ? `z${deflateRawSync(raw).toString('base64url')}`
    : `j${raw.toString('base64url')}`;
  return `crviz=1&s=${s}&v=v17&c=3&sel=2`;
}
/** A 1×1 PNG carrying a scenario and a moment, as Export PNG writes them. */
const PNG = addTextChunks(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  { 'crviz-scenario': SCENARIO, 'crviz-moment': '{"cursor":3,"selection":2}' },
);

/** Any reader's exception as its verdict, so only readers meant to return stay strict. */
function verdictOf(f: () => unknown): unknown {
  try {
    return f();
  } catch (err) {
    return err instanceof Error && !(err instanceof RangeError) ? err : Promise.reject(err);
  }
}

/** Images of a real `criu dump` to mutate: its pstree, a full core and a zombie's short one. */
const CRIU_SAMPLES = ['pstree.img', 'core-13397.img', 'core-13440.img'].map(
  (name) => new Uint8Array(readFileSync(resolve(IMAGES, name))),
);

/**
 * A CRIU image as the importer reads it: decoded as a core file when its magic says so, else as
 * pstree.img (whose decoder then refuses any other magic).
 */
function readCriuImage(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isCore = bytes.length >= 8 && view.getUint32(4, true) === CORE_MAGIC;
  return isCore ? decodeCore(bytes) : decodePstree(bytes);
}

const LINKS = [linkOf(SCENARIO, true), linkOf(SCENARIO, false), linkOf('{}', true)];

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'scenario parser',
    input: mutatedText(fc.constant(SCENARIO)),
    read: (text: string) => parseScenario(text, 'fuzz.json'),
  } as FuzzTarget<string>,
  {
    name: 'image reader',
    input: mutatedBytes(images),
    read: (bytes: Uint8Array) => decodeImage(bytes),
  } as FuzzTarget<Uint8Array>,
  {
    name: 'bundle reader',
    input: mutatedText(fc.constant(JSON.stringify(bundleSample))),
    read: (text: string) => importBundle(text, 'fuzz.json'),
  } as FuzzTarget<string>,
  {
    name: 'CRIU image reader',
    input: mutatedBytes(fc.constantFrom(...CRIU_SAMPLES)),
    read: (bytes: Uint8Array) => readCriuImage(bytes),
  } as FuzzTarget<Uint8Array>,
  {
    name: 'link decoder',
    input: mutatedText(fc.constantFrom(...LINKS)),
    read: (hash: string) => decodeMoment(hash, inflateCapped).catch((err: unknown) => err),
  } as FuzzTarget<string>,
  {
    // Throws by design (the caller turns it into a notice); a RangeError would be a bug.
    name: 'PNG text reader',
    input: mutatedBytes(fc.constant(PNG)),
    read: (bytes: Uint8Array) => verdictOf(() => readTextChunks(bytes)),
  } as FuzzTarget<Uint8Array>,
];
