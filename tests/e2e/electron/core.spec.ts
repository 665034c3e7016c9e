// The core flow in the desktop app: the window is sandboxed and offers only the contract; add a
// source, quote it, write a brief, cite, and follow the citation tag to the passage.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Bridge } from '../../../main/contract';
import { Workspace } from '../pages/workspace';
import { ARTICLE } from '../web/article';
import { CHROMIUM_PROFILE_FILES, desktopTestsSkipReason, launchDesktopApp, root, type DesktopApp } from '../support/electron-app';

/** The preload bridge as the page sees it (the renderer declares it on Window; tests do not). */
type DesktopWindow = { sourcemark?: Bridge & { onMenuCommand?: unknown } };

const unavailable = desktopTestsSkipReason();

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
    const page = desktop.window;
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
    // `electron .` reads package.json: the app's own name and version, not Electron's.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: desktop.dataDir, version: pkg.version } });
    const main = await desktop.app.evaluate(({ app }) => ({ name: app.getName(), userData: app.getPath('userData'), sessionData: app.getPath('sessionData') }));
    expect(main.name).toBe('Sourcemark');
    // Linux takes the profile root from XDG_CONFIG_HOME; macOS and Windows from the OS.
    if (process.platform === 'linux') expect(main.userData.startsWith(desktop.profileRoot)).toBe(true);
    expect(main.userData.startsWith(desktop.dataDir)).toBe(false);
    expect(main.sessionData.startsWith(desktop.dataDir)).toBe(false);
    // The renderer runs sandboxed: its preload cannot reach Node, so neither can the page.
    const nodeInPage = await page.evaluate(() => typeof (globalThis as unknown as { Buffer?: unknown }).Buffer);
    expect(nodeInPage).toBe('undefined');
  });

  test('quote, cite, and follow the tag to the passage', async () => {
    const page = desktop.window;
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

    // The library folder holds the library, not Chromium's profile.
    const inLibrary = fs.readdirSync(desktop.dataDir);
    expect(inLibrary).toContain('library.sqlite');
    for (const name of CHROMIUM_PROFILE_FILES) expect(inLibrary).not.toContain(name);
  });
});
