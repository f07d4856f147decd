#!/usr/bin/env node
// Runs the Playwright e2e tests in Chromium: the system one (/usr/bin/chromium) when present,
// else Playwright's own. When neither exists, says in one line how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

function playwrightBrowser() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path);
  } catch {
    return false;
  }
}

if (!existsSync('/usr/bin/chromium') && !playwrightBrowser()) {
  console.error(
    'No Chromium found: install one with `apt-get install -y chromium` (as root) or `npx playwright install chromium`.',
  );
  process.exit(1);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
