/**
 * The examples gallery's data: every scenario of `examples/` (bundled as text, so it opens
 * through the parser like a file the user picked), the built-in lessons, and the generated
 * large trees, each with a group, a title, a one-line purpose and its tree size.
 */
import { LARGE_SIZES, largeName, thousands } from '../../engine/scenario/large-tree';
import { LESSONS } from '../lessons/catalog';
import type { Lesson } from '../lessons/types';

export const GALLERY_GROUPS = ['Lessons', 'Zombies', 'Protocol bugs', 'Large trees'] as const;
export type GalleryGroup = (typeof GALLERY_GROUPS)[number];

export type ExampleSource =
  | { kind: 'lesson'; lesson: Lesson }
  | { kind: 'file'; file: string; text: string }
  | { kind: 'large'; tasks: number };

export interface GalleryEntry {
  /** The file's scenario name, the lesson id, or `large-N`. */
  id: string;
  group: GalleryGroup;
  title: string;
  purpose: string;
  /** Tasks the scenario has at most: its tree plus those its steps fork. */
  tasks: number;
  source: ExampleSource;
}

/** The scenario files of examples/ (lesson scenarios are reached through their lessons). */
const FILES = import.meta.glob<string>('../../../examples/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Where each file sits and what it is for, in the order the gallery lists them. */
const FILE_ENTRIES: readonly { id: string; group: GalleryGroup; purpose: string }[] = [
  {
    id: 'three-zombies',
    group: 'Zombies',
    purpose: 'Three exit statuses a parent has not collected survive checkpoint and restart.',
  },
  {
    id: 'zombie-mid-tree',
    group: 'Zombies',
    purpose: 'A zombie in the middle of the pids array hands on the turn only once it has exited.',
  },
  {
    id: 'core-dump-zombie',
    group: 'Zombies',
    purpose: 'A zombie that dumped core is checkpointed but its image is refused on restart.',
  },
  {
    id: 'threads',
    group: 'Zombies',
    purpose: 'A group leader that exited before its threads stays a zombie across the restart.',
  },
  {
    id: 'dead-session-leader',
    group: 'Zombies',
    purpose: 'A zombie session leader keeps its session id for the live tasks in its session.',
  },
  {
    id: 'v17-leak',
    group: 'Protocol bugs',
    purpose: 'Under v17 every restarting zombie leaves one restart context reference behind.',
  },
  {
    id: 'naive-race',
    group: 'Protocol bugs',
    purpose: 'A zombie that hands on the turn before exiting lets the restart finish too early.',
  },
  {
    id: 'bad-exit-code',
    group: 'Protocol bugs',
    purpose: 'Restart rejects an edited image whose exit code no wait status can be.',
  },
  {
    id: 'checkpoint-needs-freeze',
    group: 'Protocol bugs',
    purpose: 'Checkpoint refuses a container that is not frozen, or a task that left the freezer.',
  },
];

const LARGE_PURPOSE: Record<number, string> = {
  2_000: 'Every event of the restart is still a step of the timeline.',
  50_000: 'A big tree: the engine works in its worker while the page stays usable.',
  100_000: 'The largest example: watch the progress of a 100,000-task restart, or cancel it.',
};

interface ScenarioShape {
  name?: string;
  title?: string;
  tree?: unknown[];
  steps?: { op?: string }[];
}

/** Tree entries plus forked processes and threads: what the tree can grow to. */
export function scenarioTasks(s: ScenarioShape): number {
  const forked = (s.steps ?? []).filter((st) => st.op === 'fork' || st.op === 'thread').length;
  return (s.tree?.length ?? 1) + forked;
}

function fileEntries(): GalleryEntry[] {
  const byId = new Map(
    Object.entries(FILES).map(([path, text]) => [
      path
        .split('/')
        .pop()!
        .replace(/\.json$/, ''),
      { file: path.split('/').pop()!, text },
    ]),
  );
  return FILE_ENTRIES.flatMap((e) => {
    const found = byId.get(e.id);
    if (!found) return [];
    const s = JSON.parse(found.text) as ScenarioShape;
    return [
      {
        ...e,
        title: s.title ?? e.id,
        tasks: scenarioTasks(s),
        source: { kind: 'file', file: found.file, text: found.text },
      },
    ];
  });
}

function galleryEntries(): GalleryEntry[] {
  const lessons: GalleryEntry[] = LESSONS.map((lesson, i) => ({
    id: lesson.id,
    group: 'Lessons',
    title: `Lesson ${i + 1}: ${lesson.title}`,
    purpose: lesson.summary ?? lesson.title,
    tasks: scenarioTasks(lesson.scenario),
    source: { kind: 'lesson', lesson },
  }));
  const large: GalleryEntry[] = LARGE_SIZES.map((n) => ({
    id: largeName(n),
    group: 'Large trees',
    title: `${thousands(n)} tasks`,
    purpose: LARGE_PURPOSE[n] ?? 'A generated tree, frozen, checkpointed and restarted.',
    tasks: n,
    source: { kind: 'large', tasks: n },
  }));
  return [...lessons, ...fileEntries(), ...large];
}

/** Every example the gallery offers, in its order: built once, like the lesson catalog. */
export const GALLERY: readonly GalleryEntry[] = galleryEntries();

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}

/** Files of examples/ the gallery does not list, and listed ids with no file (a test keeps both empty). */
export function catalogProblems(): string[] {
  const files = Object.keys(FILES).map((p) => p.split('/').pop()!);
  const listed = FILE_ENTRIES.map((e) => `${e.id}.json`);
  return [
    ...files.filter((f) => !listed.includes(f)).map((f) => `${f} is not in the gallery`),
    ...listed.filter((f) => !files.includes(f)).map((f) => `${f} is listed but missing`),
  ];
}
