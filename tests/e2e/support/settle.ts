// For tests that check that something did NOT happen (no dialog, no request): instead of sleeping a
// while, let the page render twice and run the tasks already queued, so any handler that the content
// could have triggered has had its turn, however slow the machine.
import type { Page } from '@playwright/test';

export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
}
