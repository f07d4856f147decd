import { expect, stepText, test } from './fixtures';

test('400 Step forward clicks at once move the cursor 400 steps, without a React error', async ({
  app,
}) => {
  for (const name of ['Freeze', 'Checkpoint', 'Destroy', 'Restart']) {
    await app.getByRole('button', { name, exact: true }).click();
    await expect(app.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(app.getByRole('button', { name: 'First step', exact: true })).toBeEnabled();
  await app.getByRole('button', { name: 'First step', exact: true }).click();
  await expect(stepText(app)).toHaveText(/^Step 0 of \d+$/);
  const total = Number((await stepText(app).textContent())!.match(/of (\d+)/)![1]);
  const forward = app.getByRole('button', { name: 'Step forward', exact: true });
  await Promise.all(Array.from({ length: 200 }, () => forward.click({ noWaitAfter: true })));
  await app.evaluate(() => {
    const b = [...document.querySelectorAll('button')].find(
      (x) => x.textContent === 'Step forward',
    );
    for (let i = 0; i < 200; i++) b?.click();
  });
  await expect(stepText(app)).toHaveText(`Step ${Math.min(400, total)} of ${total}`);
});
