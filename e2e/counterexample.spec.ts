import { checkpointAndRestart, expect, stepText, test, type Page } from './fixtures';

async function exploreAndOpen(app: Page, variant: string, invariant: string) {
  await checkpointAndRestart(app);
  const explorer = app.getByRole('region', { name: 'Explorer' });
  await explorer.getByRole('combobox', { name: 'Variant' }).selectOption(variant);
  await explorer.getByRole('button', { name: 'Explore interleavings' }).click();
  const open = explorer.getByRole('button', { name: `Open ${invariant} counterexample` });
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();
  const cx = app.getByRole('region', { name: 'Counterexample' });
  await expect(cx.getByRole('heading', { level: 2 })).toHaveText(
    new RegExp(`${invariant} breaks at step \\d+`),
  );
  return cx;
}

const stepOf = (text: string | null) => Number(/\d+/.exec(text ?? '')![0]);

test('a counterexample opens where its invariant breaks, says what is wrong, beside a passing schedule', async ({
  app,
}) => {
  const cx = await exploreAndOpen(app, 'naive', 'zombies-before-completion');
  const heading = await cx.getByRole('heading', { level: 2 }).textContent();
  const broke = Number(/step (\d+)/.exec(heading!)![1]);
  // The cursor is on the breaking step, not at the start of the restart.
  await expect(stepText(app)).toHaveText(new RegExp(`^Step ${broke} of \\d+$`));
  await expect(
    app.getByRole('treeitem', { name: /^restart coordinator, completed/ }),
  ).toBeVisible();
  await expect(
    cx.getByText(/^the coordinator completed while pid 4 is still in \w+, not yet EXIT_ZOMBIE/),
  ).toBeVisible();
  // Marked on the timeline.
  await expect(
    app.getByRole('button', { name: `Jump to step ${broke}: zombies-before-completion breaks` }),
  ).toBeAttached();

  // The passing schedule beside it, aligned at the first step where the traces differ.
  await expect(cx.getByText(/^Beside it, a schedule that breaks nothing/)).toBeVisible();
  const mine = cx.getByRole('list', { name: 'Counterexample trace' });
  const other = cx.getByRole('list', { name: 'Passing schedule trace' });
  const firstMine = mine.getByRole('listitem').filter({ hasText: '(first difference)' });
  const firstOther = other.getByRole('listitem').filter({ hasText: '(first difference)' });
  await expect(firstMine).toHaveCount(1);
  await expect(firstOther).toHaveCount(1);
  const a = (await firstMine.textContent())!;
  const b = (await firstOther.textContent())!;
  expect(stepOf(a)).toBe(stepOf(b));
  expect(a).not.toBe(b);
  // Rows before it are the same in both.
  const before = (l: typeof mine) => l.getByRole('listitem').first().textContent();
  expect(await before(mine)).toBe(await before(other));

  // Violation (button, shortcut, palette) and First error jump back to the breaking step.
  await app.getByRole('button', { name: 'First step' }).click();
  await cx.getByRole('button', { name: 'Violation', exact: true }).click();
  await expect(stepText(app)).toHaveText(new RegExp(`^Step ${broke} of`));
  await app.getByRole('button', { name: 'First step' }).click();
  await app.keyboard.press('Shift+V');
  await expect(stepText(app)).toHaveText(new RegExp(`^Step ${broke} of`));
  await app.getByRole('button', { name: 'First step' }).click();
  await cx.getByRole('button', { name: 'First error', exact: true }).click();
  await expect(stepText(app)).toHaveText(new RegExp(`^Step ${broke} of`));
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Violation/ })).toContainText('Shift+V');
});

test('a counterexample that breaks on an error opens at it, and says when no schedule passes', async ({
  app,
}) => {
  const cx = await exploreAndOpen(app, 'v18-28', 'no-spurious-failure');
  await expect(
    cx.getByText(
      /^restore_activate_next failed with ESRCH while pid 1 is in \w+ with checkpoint_ctx NULL/,
    ),
  ).toBeVisible();
  const event = app.getByRole('status', { name: 'Step announcement' });
  await expect(event).toContainText('restore_activate_next');

  // v17 leaks the ctx on every schedule: no passing one is offered, and it says so.
  const explorer = app.getByRole('region', { name: 'Explorer' });
  await explorer.getByRole('combobox', { name: 'Variant' }).selectOption('v17');
  await explorer.getByRole('button', { name: 'Explore interleavings' }).click();
  await explorer
    .getByRole('button', { name: 'Open no-ctx-leak counterexample' })
    .click({ timeout: 60_000 });
  await expect(cx.getByText(/^the restart ended with the ctx reference count at 1/)).toBeVisible();
  await expect(cx.getByText(/^No passing schedule found near this one/)).toBeVisible();
  // Close puts it away, and the Violation jump with it.
  await cx.getByRole('button', { name: 'Close counterexample' }).click();
  await expect(cx).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Violation', exact: true })).toHaveCount(0);
});
