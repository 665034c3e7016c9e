import { defineConfig } from '@playwright/test';
import { chromiumExecutable, loopbackChromiumArgs } from './main/platform/chromium';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry in CI: a test that passes only on retry is reported as flaky in the summary, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.reports/e2e.json' }]] : 'list',
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath, args: loopbackChromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', testDir: 'tests/e2e/web' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
});
