/**
 * The crviz-lesson/1 reader, and schemas/crviz-lesson.schema.json against it: both accept every
 * lesson of examples/lessons/ and both reject each bad input below.
 */
import { describe, expect, it } from 'vitest';
import { compileSchema, errorsOf, readSchema } from '../../schemas/schemas';
import { KERNEL_FN_NAMES } from '../kernel-fns';
import { lessonFiles, readExample } from '../scenario/examples-on-disk';
import { VARIANTS } from '../scenario/types';
import { looksLikeLesson, MAX_LESSON_CHARS, parseLesson, serializeLesson } from './parse';

const validate = compileSchema('crviz-lesson');

const scenario = {
  format: 'crviz-scenario/1',
  name: 's',
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'sh' },
  ],
  steps: [{ op: 'freeze' }, { op: 'checkpoint', image: 'a' }],
};
const L = {
  format: 'crviz-lesson/1',
  title: 'A lesson',
  scenario,
  captions: [{ at: {}, text: 'The tree.' }],
};
const withCaption = (c: unknown) => ({ ...L, captions: [c] });

function verdicts(value: unknown): { reader: string; schema: string } {
  const r = parseLesson(JSON.stringify(value), 'l.json');
  return {
    reader: r.ok ? 'valid' : `invalid (${r.message})`,
    schema: validate(value) ? 'valid' : `invalid (${errorsOf(validate)})`,
  };
}

const agree = (value: unknown, expected: 'valid' | 'invalid') => {
  const v = verdicts(value);
  expect(v.reader.split(' ')[0], v.reader).toBe(expected);
  expect(v.schema.split(' ')[0], v.schema).toBe(expected);
};

describe('crviz-lesson/1: the reader and the schema', () => {
  it('has the built-in lessons as files', () => {
    expect(lessonFiles().length).toBeGreaterThanOrEqual(6);
  });

  it.each(lessonFiles())('both accept %s, named after its file, pointing at the schema', (file) => {
    const text = readExample(file);
    agree(JSON.parse(text), 'valid');
    const r = parseLesson(text, file);
    if (!r.ok) throw new Error(r.message);
    expect(`lessons/${r.lesson.id}.json`).toBe(file);
    expect((JSON.parse(text) as { $schema?: string }).$schema).toBe(
      '../../schemas/crviz-lesson.schema.json',
    );
  });

  it('both accept every form', () => {
    agree(
      {
        ...L,
        $schema: 'x',
        id: 'my.lesson_1',
        summary: 'Why.',
        variant: 'v19',
        schedule: 'random:7',
        captions: [
          { at: {}, text: 'a' },
          { at: { step: 0 }, text: 'b', ask: 'active_pid' },
          { at: { step: 1, fn: 'may_checkpoint_task', actor: 'pid:2', nth: 2 }, text: 'c' },
        ],
      },
      'valid',
    );
  });

  const bad: [string, unknown][] = [
    ['not an object', []],
    ['no format', { ...L, format: undefined }],
    ['a scenario format', { ...L, format: 'crviz-scenario/1' }],
    ['an unknown key', { ...L, captionz: [] }],
    ['no title', { ...L, title: undefined }],
    ['a blank title', { ...L, title: '  ' }],
    ['a bad id', { ...L, id: '../etc' }],
    ['an unknown variant', { ...L, variant: 'v18' }],
    ['a participant schedule', { ...L, schedule: 'coord' }],
    ['no scenario', { ...L, scenario: undefined }],
    ['a broken scenario', { ...L, scenario: { ...scenario, steps: [{ op: 'forc' }] } }],
    ['no captions', { ...L, captions: [] }],
    ['a caption without at', withCaption({ text: 'x' })],
    ['a caption without text', withCaption({ at: {} })],
    ['an empty caption', withCaption({ at: {}, text: '' })],
    ['an unknown question', withCaption({ at: {}, text: 'x', ask: 'who' })],
    ['an unknown caption key', withCaption({ at: {}, text: 'x', when: 1 })],
    ['an unknown anchor key', withCaption({ at: { stp: 1 }, text: 'x' })],
    ['a negative step', withCaption({ at: { step: -1 }, text: 'x' })],
    ['an fn without step', withCaption({ at: { fn: 'do_exit' }, text: 'x' })],
    ['an unknown fn', withCaption({ at: { step: 0, fn: 'do_exitt' }, text: 'x' })],
    ['an actor without fn', withCaption({ at: { step: 0, actor: 'coord' }, text: 'x' })],
    ['a bad actor', withCaption({ at: { step: 0, fn: 'do_exit', actor: 'pid:0' }, text: 'x' })],
    ['nth 0', withCaption({ at: { step: 0, fn: 'do_exit', nth: 0 }, text: 'x' })],
  ];
  it.each(bad)('both reject %s', (_what, value) => agree(value, 'invalid'));

  it('refuses an anchor past the last step (the schema cannot see this)', () => {
    const r = parseLesson(JSON.stringify(withCaption({ at: { step: 2 }, text: 'x' })), 'l.json');
    expect(r).toEqual({
      ok: false,
      message: 'captions[0].at: "step" must be an integer from 0 to 1, got 2',
    });
  });

  it('says what is wrong in one line naming the place', () => {
    const text = JSON.stringify({ ...L, scenario: { ...scenario, steps: [{ op: 'forc' }] } });
    const r = parseLesson(text, 'l.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^scenario: steps\[0\]: .*forc/);
    expect(parseLesson('{"format":', 'l.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^invalid JSON at line 1, column 11/),
    });
  });

  it('measures the text before reading it', () => {
    const r = parseLesson(' '.repeat(MAX_LESSON_CHARS + 1), 'l.json');
    expect(r).toEqual({
      ok: false,
      message: `too large (${(MAX_LESSON_CHARS + 1).toLocaleString('en')} characters): a lesson may be at most 8 MiB`,
    });
  });

  it('reads back what it writes, and the file is a lesson by its format', () => {
    const r = parseLesson(JSON.stringify(L), 'first.json');
    if (!r.ok) throw new Error(r.message);
    expect(r.lesson.id).toBe('first');
    const text = serializeLesson(r.lesson);
    expect(looksLikeLesson(text)).toBe(true);
    expect(looksLikeLesson(JSON.stringify(scenario))).toBe(false);
    expect(parseLesson(text, 'other.json')).toEqual(r);
  });

  it("lists the engine's function names and variants", () => {
    const defs = readSchema('crviz-lesson').$defs as Record<string, { enum?: unknown[] }>;
    expect(defs.fn.enum).toEqual(KERNEL_FN_NAMES);
    const props = readSchema('crviz-lesson').properties as Record<string, { enum?: unknown[] }>;
    expect(props.variant.enum).toEqual([...VARIANTS]);
  });
});
