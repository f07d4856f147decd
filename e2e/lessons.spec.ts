import { expect, test, type Page } from './fixtures';

async function openLesson(app: Page, title: string) {
  await app.getByRole('button', { name: 'Lessons', exact: true }).click();
  await app.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: title }).click();
  const lesson = app.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading', { name: title })).toBeVisible();
  return lesson;
}

/** The verdict's own line (the status also holds the question and the why). */
const verdict = (lesson: ReturnType<Page['getByRole']>) =>
  lesson.getByRole('status', { name: 'Prediction verdict' }).getByText(/^(Right|Wrong): /);

/** Presses Next until the lesson says it is over; returns how many captions it went through. */
async function playToEnd(lesson: ReturnType<Page['getByRole']>) {
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  let n = 0;
  while (await next.isEnabled()) {
    await next.click();
    n++;
    expect(n).toBeLessThan(30);
  }
  await expect(lesson.getByText('End of lesson.')).toBeVisible();
  return n;
}

const LESSONS: [string, RegExp][] = [
  ['What a zombie is, and how wait reaps it', /fails with ECHILD/],
  ['What checkpoint saves', /A TAIL record closes the image/],
  ['Restart: the active_pid hand-off', /survived checkpoint and restart/],
  ['Why a zombie hands on the turn from exit_checkpoint', /open the Explorer, pick naive/],
  ['The v17 restart context leak', /the count ends at 1 instead of 0/],
  ['Bad images restart refuses', /139 is not a valid signal/],
  ['The xchg window of v18 and its v19 fix', /no interleaving fails it/],
  ['v18-73: the early hand-off, made safe by counting', /which 73\/80 kept, remains/],
];

for (const [title, last] of LESSONS) {
  test(`lesson "${title}" plays to the end`, async ({ app }) => {
    const lesson = await openLesson(app, title);
    await expect(lesson.getByRole('button', { name: 'Previous', exact: true })).toBeDisabled();
    const steps = await playToEnd(lesson);
    expect(steps).toBeGreaterThanOrEqual(3);
    await expect(lesson.getByText(last)).toBeVisible();
  });
}

test('captions follow the timeline cursor both ways', async ({ app }) => {
  const lesson = await openLesson(app, 'What a zombie is, and how wait reaps it');
  await expect(lesson.getByText('Caption 1 of 5')).toBeVisible();
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(lesson.getByText(/forks a child, compile/)).toBeVisible();
  const step = app.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/);
  const at = await step.textContent();
  await app.getByRole('button', { name: 'Last step' }).click();
  await expect(lesson.getByText('Caption 5 of 5')).toBeVisible();
  await lesson.getByRole('button', { name: 'Previous', exact: true }).click();
  await expect(lesson.getByText('Caption 4 of 5')).toBeVisible();
  await app.getByRole('button', { name: 'First step' }).click();
  await expect(lesson.getByText('Caption 1 of 5')).toBeVisible();
  await lesson.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(step).toHaveText(at!);
});

test('predict mode marks a right and a wrong guess', async ({ app }) => {
  const lesson = await openLesson(app, 'Restart: the active_pid hand-off');
  await lesson.getByRole('checkbox', { name: 'Predict' }).check();
  const question = lesson.getByRole('group', { name: /who gets active_pid next/ });
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  for (let i = 0; i < 5 && !(await question.isVisible()); i++) await next.click();
  await question.getByRole('button', { name: 'Guess pid 1 init' }).click();
  await expect(verdict(lesson)).toHaveText('Right: pid 1 init gets active_pid.');
  await expect(question.getByRole('button', { name: 'Guess pid 4 logger' })).toBeVisible();
  await question.getByRole('button', { name: 'Guess pid 4 logger' }).click();
  await expect(verdict(lesson)).toHaveText(
    'Wrong: you picked pid 4 logger; pid 2 server gets active_pid.',
  );
  await expect(app.getByRole('treeitem', { name: /^pid 2 .*holds active_pid/ })).toBeVisible();
  // Clicking the task in the tree is a guess as well.
  await expect(question.getByRole('button', { name: 'Guess pid 3 worker' })).toBeVisible();
  await app.getByRole('treeitem', { name: /^pid 3 / }).click();
  await expect(verdict(lesson)).toHaveText('Right: pid 3 worker gets active_pid.');
});

test('predict mode asks for the hand-off that fails in the xchg window', async ({ app }) => {
  const lesson = await openLesson(app, 'The xchg window of v18 and its v19 fix');
  await lesson.getByRole('checkbox', { name: 'Predict' }).check();
  const question = lesson.getByRole('group', { name: /who gets active_pid next/ });
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  for (let i = 0; i < 5 && !(await question.isVisible()); i++) await next.click();
  await question
    .getByRole('button', { name: 'Guess nobody: the hand-off fails and the restart with it' })
    .click();
  await expect(verdict(lesson)).toHaveText(
    'Right: nobody: the hand-off fails and the restart with it.',
  );
});

test("the Inspector shows init's checkpoint_ctx NULL inside the xchg window", async ({ app }) => {
  const lesson = await openLesson(app, 'The xchg window of v18 and its v19 fix');
  const next = lesson.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await next.click();
  await expect(lesson.getByText(/reads NULL/)).toBeVisible();
  await app.getByRole('treeitem', { name: /^pid 1 / }).click();
  const inspector = app.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByText('checkpoint_ctx', { exact: true })).toBeVisible();
  await expect(inspector.getByText('NULL', { exact: true })).toBeVisible();
  await next.click();
  await next.click();
  await expect(inspector.getByText('ctx (this restart)', { exact: true })).toBeVisible();
});
