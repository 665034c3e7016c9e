// Proves the browser-mode fixture: a fresh folder per test, the page served with the CSP, the
// contract reachable over HTTP, and a restart that keeps the data but changes the token.
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp';
import { expect, test } from '../support/fixtures';

test('the fixture serves the page and the contract on a fresh data folder', async ({ app, page }) => {
  const response = await page.goto(app.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

  const info = await app.call('appInfo', {});
  expect(info.mode).toBe('web');
  expect(info.dataDir).toBe(app.dataDir);
  expect(await app.call('listBriefs', {})).toEqual([]);
});

test('restart keeps the library and issues a new token', async ({ app }) => {
  const tag = await app.call('createTag', { name: 'Smoke' });
  const oldToken = app.token;
  await app.restart();
  expect(app.token).not.toBe(oldToken);
  const tags = await app.call('listTags', {});
  expect(tags.map((t) => t.id)).toContain(tag.id);
  const stale = await fetch(`${app.baseURL}/api/listTags`, { method: 'POST', headers: { Authorization: `Bearer ${oldToken}` }, body: '{}' });
  expect(stale.status).toBe(401);
});
