import { createDeflateRaw } from 'node:zlib';
import { expect, selectTask, test } from './fixtures';

/** deflate-raw of `mib` MiB of zeros, streamed so the test never holds the zeros at once. */
async function zeroBomb(mib: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const mebibyte = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) {
    if (!z.write(mebibyte)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

test('a deflate-bomb link is refused at the cap, off the page thread', async ({ app }) => {
  const bomb = (await zeroBomb(1024)).toString('base64url');
  // Long tasks on the page's thread while the link is opened (the bomb used to block it for s).
  await app.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await app.evaluate((hash) => {
    window.location.hash = hash;
  }, `crviz=1&s=z${bomb}`);
  await expect(app.getByRole('alert', { name: 'Notices' })).toContainText(
    /more than 4,194,304 bytes when inflated/,
  );
  const longest = await app.evaluate(() => (window as unknown as { __longest: number }).__longest);
  expect(longest).toBeLessThan(1000);
});

test('a scenario with a 5 MB title shows the start of it and says what was cut', async ({
  app,
}) => {
  const title = 'T'.repeat(5_000_000);
  const text = JSON.stringify({ format: 'crviz-scenario/1', name: 'big-title', title, steps: [] });
  await app.getByLabel('Open scenario file').setInputFiles({
    name: 'big-title.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(app.getByText(/^T{200}… \(4,999,800 more characters\)$/)).toBeVisible();
});

test('a broken link over a saved session keeps the session and shows the link’s error', async ({
  app,
}) => {
  const tasks = app.getByRole('treeitem');
  const before = await tasks.count();
  await selectTask(app, 1);
  await app.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(tasks).toHaveCount(before + 1);
  await app.waitForTimeout(600); // the session is saved 250 ms after a change

  const page = await app.context().newPage();
  await page.goto('/#crviz=1&s=z!!!!!!!!');
  const notices = page.getByRole('alert', { name: 'Notices' });
  await expect(notices).toContainText('The link');
  await expect(notices).toContainText('Your saved session was kept.');
  await expect(page.getByRole('treeitem')).toHaveCount(before + 1);

  // The same in an open page: a broken link pasted into the address bar changes nothing.
  await page.evaluate(() => {
    window.location.hash = 'crviz=1&s=j!!!!&sch=nope';
  });
  await expect(page.getByText(/^The link: the scenario data is damaged/)).toHaveCount(2);
  await expect(page.getByRole('treeitem')).toHaveCount(before + 1);
  await page.close();
});
