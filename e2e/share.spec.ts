import { readFile } from 'node:fs/promises';
import { expect, openPage, selectTask, stepText, test, type Page } from './fixtures';

/** Clicks `button` (an export from the tree panel's Export menu) and returns the download. */
async function downloadOf(app: Page, button: string) {
  const wait = app.waitForEvent('download');
  if (button.startsWith('Export')) await app.getByRole('button', { name: 'Export ▾' }).click();
  await app.getByRole('button', { name: button, exact: true }).click();
  const d = await wait;
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** Drops a file on the page the way a file manager does. */
async function dropFile(app: Page, name: string, bytes: Buffer, type: string) {
  const b64 = bytes.toString('base64');
  await app.evaluate(
    ({ name, b64, type }) => {
      const bin = atob(b64);
      const data = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true }),
      );
    },
    { name, b64, type },
  );
}

async function share(app: Page): Promise<string> {
  await app.getByRole('button', { name: 'Share', exact: true }).click();
  const field = app.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#crviz=1&/);
  return field.inputValue();
}

test('a shared link opens the same step and selection in a new page', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  await app.getByRole('button', { name: 'Step back' }).click();
  await app.getByRole('button', { name: 'Step back' }).click();
  await selectTask(app, 3);
  const step = await stepText(app).textContent();
  const link = await share(app);

  const { page, errors } = await openPage(app, link);
  await expect(stepText(page)).toHaveText(step!);
  await expect(page.getByRole('treeitem', { name: /^pid 3 bash/, selected: true })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Image' }).getByText('ckpt1.ckpt')).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

test('after opening a link, a reload brings back what was done since, not the link', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  const link = await share(app);
  const { page } = await openPage(app, link);
  await expect(page.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
  await expect.poll(() => page.evaluate('location.hash')).toBe('');
  await page.getByRole('button', { name: 'Thaw', exact: true }).click();
  const thawed = page.getByRole('treeitem', { name: /^pid 1 init running(?!, frozen)/ });
  await expect(thawed).toBeVisible();
  await page.waitForTimeout(400);
  await page.reload();
  await expect(thawed).toBeVisible();
  await page.close();
});

test('a lesson link opens the lesson at its caption', async ({ app }) => {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app.getByRole('button', { name: 'The v17 restart context leak' }).click();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(lesson.getByText('Caption 3 of 6')).toBeVisible();
  const link = await share(app);
  const { page, errors } = await openPage(app, link);
  await expect(
    page.getByRole('region', { name: 'Lesson' }).getByText('Caption 3 of 6'),
  ).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

test('embed mode shows only the tree and the timeline, without shortcuts', async ({ app }) => {
  const { page, errors } = await openPage(app, '/?embed=1');
  await expect(page.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await page.getByRole('treeitem', { name: /^pid 1 init/ }).click();
  await page.keyboard.press('z');
  await page.waitForTimeout(300);
  await expect(page.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('a tampered link gets a notice and the saved session stays', async ({ app }) => {
  const link = await share(app);
  const tampered = link.replace(/s=z(.{8})/, 's=z!!!!!!!!');
  const { page } = await openPage(app, tampered);
  const notices = page.getByRole('alert', { name: 'Notices' });
  await expect(notices).toContainText('The link: the scenario data is damaged');
  await expect(notices).toContainText('Your saved session was kept.');
  await expect(page.getByRole('treeitem', { name: 'pid 4 make zombie, exited 2' })).toBeVisible();
  await page.close();
});

test('the session survives a reload', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await selectTask(app, 5);
  const atEnd = await stepText(app).textContent();
  await app.getByRole('button', { name: 'Step back' }).click();
  // Step moves land on the next frame (coalesced): wait for it before reading the step.
  await expect(stepText(app)).not.toHaveText(atEnd!);
  const step = await stepText(app).textContent();
  await app.waitForTimeout(400);
  await app.reload();
  await expect(stepText(app)).toHaveText(step!);
  await expect(app.getByRole('treeitem', { name: /^pid 5 worker/, selected: true })).toBeVisible();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
});

test('export the scenario as JSON and import it back', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  const file = await downloadOf(app, 'Save');
  expect(JSON.parse(file.bytes.toString()).steps).toHaveLength(2);
  await app.getByRole('button', { name: 'Reset' }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toHaveCount(0);
  await app.getByLabel('Import file', { exact: true }).setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: file.bytes,
  });
  await expect(app.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Image' }).getByText('ckpt1.ckpt')).toBeVisible();
});

test('the exported PNG carries the moment: dropping it back restores it', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Step back' }).click();
  await selectTask(app, 2);
  const step = await stepText(app).textContent();
  const png = await downloadOf(app, 'Export PNG');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  await app.getByRole('button', { name: 'Reset' }).click();
  await expect(stepText(app)).not.toHaveText(step!);
  await dropFile(app, png.name, png.bytes, 'image/png');
  await expect(stepText(app)).toHaveText(step!);
  await expect(app.getByRole('treeitem', { name: /^pid 2 sshd/, selected: true })).toBeVisible();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init running, frozen/ })).toBeVisible();
});

test('export the tree as SVG and the trace as JSON', async ({ app }) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  // Zoomed in on a corner, the export still holds the whole tree.
  const tree = app.getByRole('tree', { name: 'Process tree' });
  const box = (await tree.boundingBox())!;
  await app.mouse.move(box.x + 40, box.y + 40);
  for (let i = 0; i < 6; i++) await app.mouse.wheel(0, -240);
  await app.waitForTimeout(400);
  const svg = await downloadOf(app, 'Export SVG');
  const markup = svg.bytes.toString();
  expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(markup).toContain('init');
  const [vx, vy, vw, vh] = markup
    .match(/viewBox="([^"]+)"/)![1]
    .split(' ')
    .map(Number);
  const cards = [
    ...markup.matchAll(/data-pid="\d+"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"/g),
  ];
  expect(cards).toHaveLength(5);
  for (const [, x, y] of cards) {
    expect(Number(x)).toBeGreaterThanOrEqual(vx);
    expect(Number(x)).toBeLessThanOrEqual(vx + vw);
    expect(Number(y)).toBeGreaterThanOrEqual(vy);
    expect(Number(y)).toBeLessThanOrEqual(vy + vh);
  }
  const trace = await downloadOf(app, 'Export trace');
  const events = JSON.parse(trace.bytes.toString()) as { fn: string }[];
  expect(events.some((e) => e.fn === 'freezer_write')).toBe(true);
});

test('a criu-tree/1 bundle dropped on the page opens as a scenario', async ({ app }) => {
  const core = (comm: string, state: number, exit = 0) => ({
    magic: 'CORE',
    entries: [{ mtype: 'X86_64', tc: { task_state: state, exit_code: exit, flags: 0, comm } }],
  });
  const bundle = {
    format: 'criu-tree/1',
    name: 'tiny',
    pstree: {
      magic: 'PSTREE',
      entries: [
        { pid: 10, ppid: 0, pgid: 10, sid: 10, threads: [10] },
        { pid: 11, ppid: 10, pgid: 10, sid: 10, threads: [11] },
      ],
    },
    cores: { '10': core('daemon', 1), '11': core('job', 2, 768) },
  };
  await dropFile(app, 'tiny.json', Buffer.from(JSON.stringify(bundle)), 'application/json');
  await expect(app.getByRole('treeitem', { name: /^pid 11 job zombie, exited 3/ })).toBeVisible();
});

test('a file that is not a scenario gets a notice and changes nothing', async ({ app }) => {
  await dropFile(app, 'notes.json', Buffer.from('{"format": "nope"}'), 'application/json');
  await expect(app.getByRole('alert', { name: 'Notices' })).toContainText('notes.json');
  await expect(app.getByRole('treeitem', { name: 'pid 4 make zombie, exited 2' })).toBeVisible();
});
