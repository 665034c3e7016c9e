import { defineConfig } from '@playwright/test';
import { chromiumExecutable, loopbackChromiumArgs } from './main/platform/chromium';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  // Generous for a loaded machine (CI shares its two cores with other work): tests wait on conditions,
  // never on elapsed time, so a slow machine makes them slower, not wrong.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // No retries, in CI too: a test that passes only on a second try is a failing test.
  retries: 0,
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
