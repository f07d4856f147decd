import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Page } from './fixtures';

const REAL = resolve(import.meta.dirname, '../src/engine/import/criu/fixtures/real-tree');

/** pid of the task named `comm` in the recorded /proc of the real dump. */
async function pidOf(comm: string): Promise<number> {
  const proc = JSON.parse(await readFile(resolve(REAL, 'proc-before.json'), 'utf8')) as {
    tasks: { pid: number; comm_hex: string }[];
  };
  const hex = Buffer.from(comm).toString('hex');
  return proc.tasks.find((t) => t.comm_hex === hex)!.pid;
}

/** Drops a file on the page the way a file manager does. */
async function dropFile(app: Page, name: string, bytes: Buffer) {
  await app.evaluate(
    ({ name, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true }),
      );
    },
    { name, b64: bytes.toString('base64') },
  );
}

async function expectRealTree(app: Page) {
  const z200 = await pidOf('z-exit200');
  await expect(
    app.getByRole('treeitem', { name: `pid ${z200} z-exit200 zombie, exited 200, CRIU: exits 72` }),
  ).toBeVisible();
  // The kernel cut "☃" after one byte: shown as \xe2, never as U+FFFD.
  await expect(
    app.getByRole('treeitem', { name: /^pid \d+ héllo wörld \\xe2 running/ }),
  ).toBeVisible();
  await app.getByRole('treeitem', { name: new RegExp(`^pid ${z200} `) }).click();
  await expect(
    app
      .getByRole('region', { name: 'Inspector' })
      .getByRole('list', { name: 'What CRIU would do' }),
  ).toContainText('CRIU 4.1.1 restores it as exited 72, not 200');
}

test('a CRIU images folder picked with Import CRIU folder opens as the tree', async ({ app }) => {
  await app.getByLabel('Import CRIU images folder').setInputFiles(resolve(REAL, 'images'));
  await expectRealTree(app);
});

test('a checkpoint archive dropped on the page opens, and checkpoints without edits', async ({
  app,
}) => {
  await dropFile(app, 'dump.tar.gz', await readFile(resolve(REAL, 'dump.tar.gz')));
  await expectRealTree(app);
  const core = await pidOf('z-segv-core');
  await expect(
    app.getByRole('treeitem', {
      name: new RegExp(
        `^pid ${core} z-segv-core zombie, killed SIGSEGV \\(core\\), CRIU: core flag lost`,
      ),
    }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Event log' })).toContainText(
    'checkpoint_write_tail',
  );
});

test('a damaged archive gets one notice and changes nothing', async ({ app }) => {
  const good = await readFile(resolve(REAL, 'dump.tar.gz'));
  await dropFile(app, 'broken.tgz', good.subarray(0, good.length / 2));
  await expect(app.getByRole('alert', { name: 'Notices' })).toContainText('broken.tgz');
  await expect(app.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
});

test('a CRIU images folder dropped on the page opens as the tree', async ({ app }) => {
  // A real drag of a folder from the file manager, through Chromium's input domain: the page
  // gets DataTransfer items whose entries are a directory tree.
  const cdp = await app.context().newCDPSession(app);
  const data = { items: [], files: [resolve(REAL, 'images')], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 700, y: 450, data });
  }
  await expectRealTree(app);
});
