import { expect, test, type Page } from './fixtures';

async function predictLesson(app: Page, title: string) {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: title }).click();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('checkbox', { name: 'Predict' }).check();
  const question = lesson.getByRole('group', { name: /who gets active_pid next/ });
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  for (let i = 0; i < 5 && !(await question.isVisible()); i++) await next.click();
  await expect(question).toBeVisible();
  return { lesson, question };
}

test('a verdict shows its question, and a wrong one says which task was next and by which rule', async ({
  app,
}) => {
  const { lesson, question } = await predictLesson(app, 'Restart: the active_pid hand-off');
  await question.getByRole('button', { name: 'Guess pid 1 init' }).click();
  const verdict = lesson.getByRole('status', { name: 'Prediction verdict' });
  await expect(verdict).toContainText('Who gets active_pid first? You answered pid 1 init.');
  await expect(verdict).toContainText('Right: pid 1 init gets active_pid.');
  await expect(verdict).toContainText('Why: the coordinator called restore_activate_next (step');
  await expect(verdict).toContainText('active_pid became 0, and entry 0 of the pids array');

  await question.getByRole('button', { name: 'Guess pid 4 logger' }).click();
  await expect(verdict).toContainText(
    'Who gets active_pid after pid 1 init? You answered pid 4 logger.',
  );
  await expect(verdict).toContainText(
    'Wrong: you picked pid 4 logger; pid 2 server gets active_pid.',
  );
  await expect(verdict).toContainText(
    /Why: pid 1 init called restore_activate_next \(step \d+\): restore_activate_next gives the turn to the next entry of the pids array\. active_pid became 1, and entry 1 of the pids array \(1, 2, [34], [34]/,
  );
  await expect(verdict).toContainText('is pid 2.');
});

test('a zombie’s hand-off is explained by exit_checkpoint', async ({ app }) => {
  const { lesson, question } = await predictLesson(app, 'Restart: the active_pid hand-off');
  const verdict = lesson.getByRole('status', { name: 'Prediction verdict' });
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  // Guess along (or read on where no question is asked) until the zombie hands the turn on.
  for (let i = 0; i < 12; i++) {
    if (((await verdict.textContent()) ?? '').includes('exit_checkpoint')) break;
    if (await question.isVisible()) {
      const before = await verdict.textContent();
      await question.getByRole('button').first().click();
      await expect(verdict).not.toHaveText(before ?? '');
    } else {
      await next.click();
      await expect(question.or(lesson.getByText(/^Caption \d+ of \d+$/))).not.toHaveCount(0);
    }
  }
  await expect(verdict).toContainText('pid 3 worker called exit_checkpoint');
  await expect(verdict).toContainText('a zombie cannot return to user space');
});
