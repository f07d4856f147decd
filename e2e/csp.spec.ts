import { test as base } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { expect, reportCspViolations, test } from './fixtures';

base(
  'the page is served with the strict policy, as a header and as a meta tag',
  async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      CONTENT_SECURITY_POLICY,
    );
  },
);

base(
  'the policy is enforced: an inline style attribute is refused and reported',
  async ({ page }) => {
    const violations: string[] = [];
    await reportCspViolations(page, (v) => violations.push(v));
    await page.goto('/');
    const color = await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<p id="csp-probe" style="color: rgb(1, 2, 3)">x</p>',
      );
      return getComputedStyle(document.getElementById('csp-probe')!).color;
    });
    expect(color).not.toBe('rgb(1, 2, 3)');
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatch(/^CSP violation: style-src-attr/);
  },
);

base(
  'a refusal inside the engine’s worker is said on the page, as an error notice and on the console',
  async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const worker = page.waitForEvent('worker');
    await page.goto('/');
    await expect(page.getByRole('treeitem', { name: /^pid 1 init/ })).toBeVisible();
    // The worker's script is served with the policy too: nothing from another origin there.
    const refused = await (
      await worker
    ).evaluate(() =>
      fetch('https://example.invalid/x').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(refused).toBe('refused');
    const said =
      /The page’s security policy refused the engine https:\/\/example\.invalid\/x \(connect-src\)/;
    await expect(page.getByRole('alert', { name: 'Notices' })).toContainText(said);
    expect(errors.some((e) => said.test(e))).toBe(true);
  },
);

test('exporting SVG and PNG raises no violation of the policy', async ({ app }) => {
  // The fixture fails the test on any violation; both exports inline the tree's styles.
  for (const name of ['Export SVG', 'Export PNG']) {
    const download = app.waitForEvent('download');
    await app.getByRole('button', { name: 'Export ▾' }).click();
    await app.getByRole('button', { name, exact: true }).click();
    await download;
  }
});
