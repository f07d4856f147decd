import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse';
import { exampleFiles } from '../../engine/scenario/examples-on-disk';
import { createDebuggerStore } from '../../store/createDebuggerStore';
import type { DebuggerApp } from '../../app/debuggerApp';
import { actionById } from '../actions/registry';
import type { ActionContext } from '../actions/types';
import { UiHandles } from '../handles';
import { LESSONS } from '../lessons/catalog';
import { catalogProblems, GALLERY, GALLERY_GROUPS, galleryEntry } from './catalog';

describe('the examples gallery', () => {
  it('lists every file of examples/ and nothing that is missing', () => {
    expect(catalogProblems()).toEqual([]);
    const top = exampleFiles().filter((f) => !f.includes('/'));
    const files = GALLERY.flatMap((e) => (e.source.kind === 'file' ? [e.source.file] : []));
    expect(files.sort()).toEqual(top);
  });

  it('has every group, in order, each with a title, a one-line purpose and a size', () => {
    expect([...new Set(GALLERY.map((e) => e.group))]).toEqual([...GALLERY_GROUPS]);
    expect(new Set(GALLERY.map((e) => e.id)).size).toBe(GALLERY.length);
    for (const e of GALLERY) {
      expect(e.title.length, e.id).toBeGreaterThan(0);
      expect(e.purpose, e.id).toMatch(/^[^\n]{10,100}$/);
      expect(e.tasks, e.id).toBeGreaterThan(0);
    }
  });

  it('counts tasks as the tree plus what the steps fork, and offers the large sizes', () => {
    expect(galleryEntry('three-zombies')?.tasks).toBe(5);
    expect(galleryEntry('zombie-mid-tree')?.tasks).toBe(4);
    const large = GALLERY.filter((e) => e.group === 'Large trees').map((e) => e.tasks);
    expect(large).toEqual([2_000, 50_000, 100_000]);
  });

  it('offers every lesson, Lesson 1 first, and every file parses', () => {
    const lessons = GALLERY.filter((e) => e.group === 'Lessons');
    expect(lessons.map((e) => e.id)).toEqual(LESSONS.map((l) => l.id));
    expect(lessons[0].title).toBe(`Lesson 1: ${LESSONS[0].title}`);
    for (const e of GALLERY) {
      if (e.source.kind !== 'file') continue;
      const r = parseScenario(e.source.text, e.source.file);
      expect(r.ok ? 'ok' : r.message).toBe('ok');
    }
  });
});

describe('the open-example action', () => {
  function ctx(example: string | null, busy = false) {
    const store = createDebuggerStore();
    store.getState().setParams({ example });
    store.getState().setBusy(busy ? 'load' : null);
    store.getState().setGalleryOpen(true);
    const opened: unknown[] = [];
    const app = {
      openText: async (text: string, source: string) => (opened.push(['text', source, text]), true),
      loadScenario: async (s: { name: string; tree: unknown[] }) => (
        opened.push(['scenario', s.name, s.tree.length]),
        true
      ),
    } as unknown as DebuggerApp;
    const c: ActionContext = {
      state: store.getState(),
      end: null,
      here: null,
      app,
      store,
      handles: new UiHandles(),
      source: 'menu',
    };
    return { c, opened, store };
  }

  it('says what is missing before an example is picked, or while the engine is busy', () => {
    const open = actionById('open-example');
    expect(open.enabledWhen(ctx(null).c)).toBe('Pick an example in the gallery first');
    expect(open.enabledWhen(ctx('nope').c)).toBe('No example named nope');
    expect(open.enabledWhen(ctx('three-zombies', true).c)).toMatch(/busy/);
    expect(open.enabledWhen(ctx('three-zombies').c)).toBe(true);
  });

  it('opens a file through the parser and a large tree generated on demand, closing the gallery', async () => {
    const file = ctx('three-zombies');
    await actionById('open-example').perform(file.c);
    expect(file.opened).toEqual([
      ['text', 'three-zombies.json', expect.stringContaining('"name": "three-zombies"')],
    ]);
    expect(file.store.getState().galleryOpen).toBe(false);
    const large = ctx('large-50000');
    await actionById('open-example').perform(large.c);
    expect(large.opened).toEqual([['scenario', 'large-50000', 50_000]]);
  });

  it('opens a lesson at its first caption and follows it', async () => {
    const lesson = ctx(LESSONS[0].id);
    await actionById('open-example').perform(lesson.c);
    expect(lesson.opened).toEqual([['text', `${LESSONS[0].id}.json`, expect.any(String)]]);
    expect(lesson.store.getState().lesson).toEqual({ lesson: LESSONS[0], predict: false });
  });
});
