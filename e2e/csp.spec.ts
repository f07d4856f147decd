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

test('exporting SVG and PNG raises no violation of the policy', async ({ app }) => {
  // The fixture fails the test on any violation; both exports inline the tree's styles.
  for (const name of ['Export SVG', 'Export PNG']) {
    const download = app.waitForEvent('download');
    await app.getByRole('button', { name: 'Export ▾' }).click();
    await app.getByRole('button', { name, exact: true }).click();
    await download;
  }
});
