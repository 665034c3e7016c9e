// The core flow in the desktop app: add a source, quote it, write a brief, cite, and follow the
// tag to the passage. Also checks that the window is sandboxed and offers only the contract.
import { expect, test } from '@playwright/test';
import type { Bridge } from '../../../main/contract';
import { Workspace } from '../pages/workspace';
import { ARTICLE } from '../web/article';
import { electronUnavailable, launchDesktopApp, type DesktopApp } from '../support/electron-app';

/** The preload bridge as the page sees it (the renderer declares it on Window; tests do not). */
type DesktopWindow = { sourcemark?: Bridge & { onMenuCommand?: unknown } };

const unavailable = electronUnavailable();
if (unavailable) {
  // Printed so that CI output says why the desktop tests did not run.
  console.log(`[electron] skipping the desktop tests: ${unavailable}.`);
}

test.describe('desktop app', () => {
  test.skip(unavailable !== null, `Desktop app cannot run here: ${unavailable ?? ''}`);

  let desktop: DesktopApp;
  test.beforeEach(async () => {
    desktop = await launchDesktopApp();
  });
  test.afterEach(async () => {
    await desktop.close();
  });

  test('the window is isolated and exposes only the contract', async () => {
    const page = await desktop.app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/sourcemark\//);
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as DesktopWindow).sourcemark ?? {}).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.bridge).toContain('addSource');
    expect(exposed.bridge).toContain('onMenuCommand');
    expect(exposed.bridge).not.toContain('invoke');
    const info = await page.evaluate(() => (window as unknown as DesktopWindow).sourcemark?.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: desktop.dataDir } });
  });

  test('quote, cite, and follow the tag to the passage', async () => {
    const page = await desktop.app.firstWindow();
    const ws = new Workspace(page);
    await expect(page.getByRole('heading', { name: 'Sourcemark', level: 1 })).toBeVisible();

    await ws.library.addSource(ARTICLE);
    await expect(ws.reader.heading).toHaveText(ARTICLE.title);
    const passage = ARTICLE.passages[2] as string;
    await ws.reader.quote(passage);

    await ws.brief.newBrief('Maren canal closure');
    await ws.brief.addClaim('Reopening waits for the rains.');
    await ws.brief.citeFromPicker(1, 'autumn', /autumn rains/);
    await expect(ws.brief.tag(1, '[1] Coastal Courier')).toBeVisible();

    await ws.reader.text.evaluate((el) => el.scrollTo(0, 0));
    await ws.brief.tag(1, '[1] Coastal Courier').click();
    await expect(ws.reader.activePassage).toBeFocused();
    await expect(ws.reader.activePassage).toBeInViewport();
    await expect(ws.reader.activePassage).toHaveText(passage);
  });
});
