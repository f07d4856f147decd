import { checkpointAndRestart, expect, selectTask, test, type Page } from './fixtures';

/**
 * Issue 16, item 5 (drawing): no text of the tree runs out of its card or box; a cut text ends
 * in "…" and the card's accessible name (and title) has it whole.
 */

interface Overflow {
  item: string;
  text: string;
  by: number;
}

/** Every text of every card (and the container's label) that pokes out of its outline. */
async function overflows(app: Page): Promise<Overflow[]> {
  return app.getByRole('tree', { name: 'Process tree' }).evaluate((tree) => {
    const out: { item: string; text: string; by: number }[] = [];
    const outside = (inner: DOMRect, outer: DOMRect) =>
      Math.max(outer.left - inner.left, inner.right - outer.right);
    for (const item of tree.querySelectorAll('[role="treeitem"]')) {
      const card = item.querySelector('path, rect');
      if (!card) continue;
      const box = card.getBoundingClientRect();
      for (const t of item.querySelectorAll(':scope > text')) {
        if (!t.textContent) continue;
        const by = outside(t.getBoundingClientRect(), box);
        if (by > 0.5)
          out.push({ item: item.getAttribute('aria-label') ?? '', text: t.textContent, by });
      }
    }
    for (const label of tree.querySelectorAll('text')) {
      const box = label.parentElement?.querySelector(':scope > rect');
      if (!label.parentElement?.matches('g') || label.closest('[role="treeitem"]') || !box)
        continue;
      const by = outside(label.getBoundingClientRect(), box.getBoundingClientRect());
      if (by > 0.5) out.push({ item: 'container', text: label.textContent ?? '', by });
    }
    return out;
  });
}

/** Each cut text's card has the whole text in its accessible name. */
async function cutTextsNamed(app: Page): Promise<string[]> {
  return app.getByRole('tree', { name: 'Process tree' }).evaluate((tree) => {
    const bad: string[] = [];
    for (const item of tree.querySelectorAll('[role="treeitem"]')) {
      const name = item.getAttribute('aria-label') ?? '';
      const title = item.querySelector(':scope > title')?.textContent ?? '';
      for (const t of item.querySelectorAll(':scope > text')) {
        const text = t.textContent ?? '';
        if (!text.includes('…')) continue;
        const words = text.split('…')[0].trim().split(/\s+/).slice(-1)[0] ?? '';
        if (!name.includes(words) || title !== name) bad.push(`${name}: ${text}`);
      }
    }
    return bad;
  });
}

test('a zombie killed by SIGSEGV with a core keeps its status inside its card', async ({ app }) => {
  await selectTask(app, 5);
  await app.getByRole('combobox', { name: 'Signal' }).selectOption({ label: 'SIGSEGV' });
  await app.getByRole('checkbox', { name: 'core' }).check();
  await app.getByRole('button', { name: 'Kill', exact: true }).click();
  const worker = app.getByRole('treeitem', { name: /^pid 5 worker zombie, killed SIGSEGV/ });
  await expect(worker).toBeVisible();
  await expect(worker).toContainText('…');
  expect(await overflows(app)).toEqual([]);
  expect(await cutTextsNamed(app)).toEqual([]);
  await worker.screenshot({ path: test.info().outputPath('card-zombie-sigsegv.png') });
});

test('restart cards keep their state word and fit at every step of the restart', async ({
  app,
}) => {
  await checkpointAndRestart(app);
  await app.getByRole('button', { name: 'Last step' }).click();
  const step = app.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/);
  const total = Number((await step.textContent())!.match(/of (\d+)/)![1]);
  await app.getByRole('button', { name: 'First step' }).click();
  const seen = new Set<string>();
  for (let i = 0; i < total; i++) {
    await app.getByRole('button', { name: 'Step forward' }).click();
    await expect(step).toHaveText(`Step ${i + 1} of ${total}`);
    expect(await overflows(app), `step ${i + 1}`).toEqual([]);
    expect(await cutTextsNamed(app), `step ${i + 1}`).toEqual([]);
    for (const t of await app
      .getByRole('tree', { name: 'Process tree' })
      .getByRole('treeitem')
      .allTextContents())
      seen.add(t);
  }
  // A restarting task's line says what it waits in and whether it can run: never "ru…".
  const lines = [...seen].join('\n');
  expect(lines).not.toMatch(/· ru…|· runn…|· sleep…/);
  expect(lines).toMatch(/· runnable/);
});

test('a destroyed frozen container’s label fits its box at every step of the destroy', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();
  await app.getByRole('button', { name: 'Destroy', exact: true }).click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init/ })).toHaveCount(0);
  const labels = new Set<string>();
  // Back through the destroy's events: the box shrinks as its tasks go, its label stays long.
  for (let i = 0; i < 8; i++) {
    const label = await app
      .getByRole('region', { name: 'Tree view' })
      .getByRole('heading', { level: 2 })
      .textContent();
    labels.add(label!);
    expect(await overflows(app), label!).toEqual([]);
    if (label!.includes('destroyed') && label!.includes('FROZEN') && i > 0) {
      await app.getByRole('region', { name: 'Tree view' }).screenshot({
        path: test.info().outputPath('container-destroyed.png'),
      });
    }
    await app.getByRole('button', { name: 'Step back' }).click();
  }
  expect([...labels]).toContain('container 1 · FROZEN');
});

test('timeline markers at one place are one group with a count and the full list', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await app.getByRole('button', { name: 'Checkpoint', exact: true }).click();
  const images = app.getByRole('region', { name: 'Image' });
  await images.getByRole('button', { name: 'View ckpt1.ckpt' }).click();
  const view = app.getByRole('dialog', { name: 'Image ckpt1' });
  const form = view.getByRole('form', { name: 'Patch a field' });
  await form.getByRole('combobox', { name: 'pid' }).selectOption('4');
  await form.getByRole('textbox', { name: 'Value' }).fill('65536');
  await form.getByRole('button', { name: 'Patch' }).click();
  await app
    .getByRole('dialog', { name: 'Image ckpt1-patched' })
    .getByRole('button', { name: 'Close' })
    .click();
  await app.getByRole('button', { name: 'Destroy', exact: true }).click();
  await app.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(app.getByRole('alert').getByText(/^restart failed: EINVAL/)).toBeVisible();

  const strip = app.getByLabel('Timeline markers');
  const buttons = strip.getByRole('button');
  // No two markers overlap: the failing restart's errors do not pile up as "!!!!⟳".
  const boxes = (await Promise.all((await buttons.all()).map((b) => b.boundingBox())))
    .map((b) => b!)
    .sort((a, b) => a.x - b.x);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i].x, `marker ${i}`).toBeGreaterThanOrEqual(
      boxes[i - 1].x + boxes[i - 1].width - 0.5,
    );
  }
  const group = strip.getByRole('button', { name: /^\d+ markers: / }).first();
  await expect(group).toHaveText(/^\d+ !/);
  await expect(group).toHaveAttribute('title', /step \d+: restore_task_struct: EINVAL/);
  await group.click();
  const list = app.getByRole('list', { name: /^Markers at step \d+$/ });
  await expect(list).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('timeline-marker-group.png') });
  const entry = list.getByRole('button').last();
  const target = (await entry.textContent())!.match(/Step (\d+)/)![1];
  await entry.click();
  await expect(
    app.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/),
  ).toHaveText(new RegExp(`^Step ${target} of`));
  await expect(list).toBeHidden();
});

test('a thread hangs from its leader’s card instead of sitting a level down like a child', async ({
  app,
}) => {
  await selectTask(app, 3);
  await app.keyboard.press('t'); // Thread (in the toolbar's More menu)
  const thread = app.getByRole('treeitem', { name: /^pid 6 bash running, thread of 3/ });
  await expect(thread).toBeVisible();
  await app.getByRole('button', { name: 'Fit' }).click();
  const leader = app.getByRole('treeitem', { name: /^pid 3 bash/ });
  // Measured on the outlines: the treeitem's box also holds the toggle.
  const box = (item: typeof leader) =>
    item.evaluate((g) => {
      const r = g.querySelector(':scope > path')!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
  await expect
    .poll(async () => {
      const [l, t] = [await box(leader), await box(thread)];
      return Math.abs(t.top - l.bottom) <= 2 && t.left >= l.left && t.right <= l.right;
    })
    .toBe(true);
  // Its child make is still drawn a level down, and the thread is not linked like one.
  const make = await box(app.getByRole('treeitem', { name: /^pid 4 make/ }));
  expect(make.top).toBeGreaterThan((await box(thread)).bottom + 10);
  await app
    .getByRole('region', { name: 'Tree view' })
    .screenshot({ path: test.info().outputPath('thread-with-leader.png') });
});
