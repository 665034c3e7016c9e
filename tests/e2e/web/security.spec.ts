// Browser mode must not be usable by other local processes or web pages, and hostile text in a
// source must stay text.
import { createRequire } from 'node:module';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp';
import { Workspace } from '../pages/workspace';
import { expect, test } from '../support/fixtures';
import { rawRequest } from '../support/raw-http';
import { settled } from '../support/settle';

const polyglots = createRequire(import.meta.url)('xss-polyglots') as (fn?: string) => string[];

test('calls without the token, or from a foreign origin or host, are refused and change nothing', async ({ app }) => {
  const attempt = (name: string, headers: Record<string, string>) =>
    rawRequest(app.baseURL, {
      method: 'POST',
      path: '/api/createBrief',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}`, ...headers },
      body: JSON.stringify({ title: name }),
    });
  const port = new URL(app.baseURL).port;
  const refused = [
    { why: 'missing token', res: await attempt('No token', { Authorization: '' }), status: 401 },
    { why: 'wrong token', res: await attempt('Wrong token', { Authorization: 'Bearer not-the-token-of-this-run' }), status: 401 },
    { why: 'foreign Origin', res: await attempt('Foreign origin', { Origin: 'https://evil.example' }), status: 403 },
    { why: 'foreign Host', res: await attempt('Foreign host', { Host: `evil.example:${port}` }), status: 403 },
  ];
  for (const { why, res, status } of refused) {
    expect(res.status, why).toBe(status);
    expect(JSON.parse(res.body), why).toMatchObject({ ok: false, error: { code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN' } });
  }
  expect(await app.call('listBriefs', {})).toEqual([]);

  // The same request with the token and our own origin goes through.
  const ok = await attempt('Own page', { Origin: app.baseURL });
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { title: 'Own page' } });
  expect((await app.call('listBriefs', {})).map((b) => b.title)).toEqual(['Own page']);
});

test('a page from another site cannot read the library even with the token', async ({ app, page }) => {
  // The attacker's page is served from another origin; its fetch carries that Origin.
  await page.route('http://evil.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }));
  await page.goto('http://evil.example/');
  const outcome = await page.evaluate(
    async ({ base, token }) => {
      try {
        const res = await fetch(`${base}/api/listSources`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
        return `status ${res.status}`;
      } catch {
        return 'blocked';
      }
    },
    { base: app.baseURL, token: app.token },
  );
  // Either the browser blocks the cross-origin call or the server answers 403: never data.
  expect(outcome).toMatch(/blocked|status 403/);
});

test('the page carries the CSP and inline script does not run', async ({ app, page }) => {
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  const ran = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const directive = await violation;
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive };
  });
  expect(ran.ran).toBe(false);
  expect(ran.directive).toMatch(/^script-src/);
});

test('markup in a source is shown as text and never runs', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const hostile = ['<script>alert("xss-script")</script>', '<img src=x onerror=alert("xss-img")>', ...polyglots('alert')].join('\n\n');
  await app.call('addSource', { title: 'Hostile markup', body: `Report text.\n\n${hostile}\n\nEnd of report.` });

  const ws = new Workspace(page);
  await ws.open(app.url);
  await ws.library.open('Hostile markup');
  await expect(ws.reader.heading).toHaveText('Hostile markup');
  await expect(ws.reader.text).toContainText('<script>alert("xss-script")</script>');
  await expect(ws.reader.text).toContainText('<img src=x onerror=alert("xss-img")>');
  const injected = () => ws.reader.text.evaluate((el) => el.querySelectorAll('script, img, style, iframe, object, svg').length);
  expect(await injected()).toBe(0);
  // The reader is virtualised: scroll to the end so every polyglot has been rendered once.
  await ws.reader.text.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(ws.reader.text).toContainText('End of report.');
  expect(await injected()).toBe(0);
  await settled(page);
  expect(dialogs).toEqual([]);
});
