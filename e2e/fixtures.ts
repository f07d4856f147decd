import { writeFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine/scenario/types';

/** Every test opens the app and fails if the page logged a console error or threw. */
export const test = base.extend<{ app: Page }>({
  app: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await reportCspViolations(page, (v) => errors.push(v));
    await page.goto('/');
    await expect(page.getByRole('tree', { name: 'Process tree' })).toBeVisible();
    await expect(page.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
    await provide(page);
    expect(errors, 'console errors').toEqual([]);
  },
});

/**
 * Calls `report` for every Content-Security-Policy violation of the page: the app runs under a
 * strict policy (csp.ts) and no test may pass while something of it is refused.
 */
export async function reportCspViolations(page: Page, report: (v: string) => void) {
  await page.exposeFunction('__crvizCspViolation', report);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
      const send = (window as unknown as { __crvizCspViolation: (v: string) => void })
        .__crvizCspViolation;
      void send(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${where}`,
      );
    });
  });
}

/**
 * Opens `url` in a fresh page of `app`'s context (a second visitor of a link or an embed) and
 * collects its console errors, page errors and CSP violations.
 */
export async function openPage(app: Page, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context().newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await reportCspViolations(page, (v) => errors.push(v));
  await page.goto(url);
  return { page, errors };
}

export { expect };
export type { Page } from '@playwright/test';

/** Clicks the treeitem whose accessible name starts with "pid N ". */
export async function selectTask(page: Page, pid: number): Promise<void> {
  await page.getByRole('treeitem', { name: new RegExp(`^pid ${pid} `) }).click();
}

/** The visible "Step N of M" text. */
export function stepText(page: Page) {
  return page.getByRole('region', { name: 'Timeline' }).getByText(/^Step \d+ of \d+$/);
}

/**
 * Freeze, Checkpoint, Destroy and Restart the default tree, each time waiting for what the
 * action does: the tree frozen, the image listed, the container gone, the restart recorded.
 */
export async function checkpointAndRestart(app: Page): Promise<void> {
  const button = (name: string) => app.getByRole('button', { name, exact: true });
  await button('Freeze').click();
  await expect(app.getByRole('treeitem', { name: 'pid 1 init running, frozen' })).toBeVisible();
  await button('Checkpoint').click();
  await expect(app.getByRole('region', { name: 'Image' }).getByText('ckpt1.ckpt')).toBeVisible();
  await button('Destroy').click();
  await expect(app.getByRole('treeitem', { name: /^pid 1 init/ })).toHaveCount(0);
  const before = await stepText(app).textContent();
  await button('Restart').click();
  await expect(stepText(app)).not.toHaveText(before!);
}

/** Opens `scenario` as a user would a file of it (written to the test's output folder). */
export async function openScenarioFile(app: Page, scenario: Scenario, name: string): Promise<void> {
  const file = test.info().outputPath(name);
  writeFileSync(file, JSON.stringify(scenario));
  await app.getByLabel('Open scenario file').setInputFiles(file);
}
