// Nothing typed is lost when the page goes away before the autosave pause has passed.
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

test('a claim typed just before a reload is still there after it', async ({ app, page }) => {
  const brief = await app.call('createBrief', { title: 'Quick notes' });
  await app.call('addClaim', { briefId: brief.id, text: 'Draft' });
  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.brief.claimText(1).fill('Typed a moment before reloading');
  await page.reload();
  await expect(ws.brief.claimText(1)).toHaveValue('Typed a moment before reloading');
  expect((await app.call('getBrief', { id: brief.id })).claims[0]?.text).toBe('Typed a moment before reloading');
});
