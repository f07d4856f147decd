/**
 * schemas/criu-tree.schema.json against `crviz import`: both accept the bundles of the project
 * and both reject each structurally broken bundle below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSchema, errorsOf } from '../../schemas/schemas';
import { importBundle } from './bundle';

const validate = compileSchema('criu-tree');
const BUNDLES = [
  '../../../examples/import/web-stack.json',
  './fixtures/bundle-snake.json',
  './fixtures/bundle-camel.json',
  './fixtures/bundle-pretty.json',
];
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function agree(value: unknown, expected: 'valid' | 'invalid') {
  const r = importBundle(JSON.stringify(value), 'b.json');
  const parser = r.ok ? 'valid' : `invalid (${r.message})`;
  const schema = validate(value) ? 'valid' : `invalid (${errorsOf(validate)})`;
  expect(parser.split(' ')[0], parser).toBe(expected);
  expect(schema.split(' ')[0], schema).toBe(expected);
}

describe('criu-tree.schema.json and crviz import', () => {
  it.each(BUNDLES)('both accept %s', (path) => agree(JSON.parse(read(path)), 'valid'));

  const edits: [string, (b: Json) => void][] = [
    ['no format', (b) => delete b.format],
    ['another format', (b) => (b.format = 'crviz-scenario/1')],
    ['no pstree', (b) => delete b.pstree],
    ['a pstree that is not an object', (b) => (b.pstree = [])],
    ['a pstree with another magic', (b) => (b.pstree.magic = 'CORE')],
    ['no entries', (b) => (b.pstree.entries = [])],
    ['an entry without sid', (b) => delete b.pstree.entries[1].sid],
    ['a pid that is not a number', (b) => (b.pstree.entries[0].pid = 'seven')],
    ['pid 0', (b) => (b.pstree.entries[0].pid = 0)],
    ['threads that are not a list', (b) => (b.pstree.entries[0].threads = 7)],
    ['no cores', (b) => delete b.cores],
    ['a core keyed by a name', (b) => (b.cores.init = b.cores['700'])],
    ['a core with another magic', (b) => (b.cores['700'].magic = 'PSTREE')],
    ['a core without entries', (b) => (b.cores['700'].entries = [])],
  ];
  it.each(edits)('both reject %s', (_what, edit) => {
    const b = JSON.parse(read(BUNDLES[0])) as Json;
    edit(b);
    agree(b, 'invalid');
  });
});
