/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design: it stands where Electron's own CommonJS module would. */
// Boots the built desktop main process from a simulated packaged tree (see packaging.test.ts)
// against fake-electron.cjs, drives it the way Electron would, and prints what happened as JSON.
// argv: <main.cjs in the tree> <library folder> <html file> <pdf file>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [mainFile, libraryDir, htmlFile, pdfFile] = process.argv.slice(2);

async function until(check, what) {
  for (let i = 0; i < 2000; i += 1) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function main() {
  // As a packaged app sees it: the executable, then our options.
  process.argv = [process.execPath, '--data-dir', libraryDir];
  require(mainFile);
  const state = globalThis.__fakeElectron;
  const win = await until(() => state.windows.find((w) => w.loadedUrl), 'the main window');
  const trusted = { senderFrame: { url: 'app://sourcemark/index.html' } };
  const call = (name, input, event = trusted) => state.handlers.get(`sourcemark:${name}`)(event, input);

  const info = await call('appInfo', {});
  const forbidden = await call('appInfo', {}, { senderFrame: { url: 'https://example.com/' } });
  const html = await call('importFile', { name: 'canal.html', base64: fs.readFileSync(htmlFile).toString('base64') });
  const pdf = await call('importFile', { name: 'report.pdf', base64: fs.readFileSync(pdfFile).toString('base64') });

  const page = await state.protocolHandlers.get('app')(new Request('app://sourcemark/index.html'));
  const filter = state.requestFilters.find((f) => f.session === 'default').fn;
  const decide = (url) => new Promise((resolve) => filter({ url }, (answer) => resolve(answer.cancel ? 'refused' : 'allowed')));
  const requests = {};
  for (const url of ['app://sourcemark/index.html', 'https://example.com/', 'http://127.0.0.1:9/', 'file:///etc/passwd', 'data:text/plain,x']) {
    requests[url] = await decide(url);
  }
  let permission;
  state.defaultPermission(null, 'media', (answer) => {
    permission = answer;
  });

  // Every web contents and every session Electron creates later gets the same guards.
  const { EventEmitter } = require('node:events');
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (fn) => (contents.openHandler = fn) });
  state.app.emit('web-contents-created', {}, contents);
  const prevented = (name, url) => {
    const event = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit(name, event);
    return event.defaultPrevented;
  };
  const guards = {
    webview: prevented('will-attach-webview'),
    navigateAway: prevented('will-navigate', 'https://example.com/'),
    navigateHome: prevented('will-navigate', 'app://sourcemark/index.html#/brief/1'),
    redirectAway: prevented('will-redirect', 'http://127.0.0.1:9/'),
    popup: contents.openHandler({ url: 'https://example.com/', disposition: 'new-window' }),
  };
  const before = state.requestFilters.length;
  const later = require(path.join(path.dirname(mainFile), '..', '..', 'node_modules', 'electron')).session.fromPartition('persist:later');
  state.app.emit('session-created', later);
  const laterFilter = state.requestFilters.slice(before).find((f) => f.session === 'persist:later');
  const laterDecision = laterFilter
    ? await new Promise((resolve) => laterFilter.fn({ url: 'https://example.com/' }, (answer) => resolve(answer.cancel ? 'refused' : 'allowed')))
    : 'no filter';

  const quitEvent = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  state.quitCalls = 0;
  state.app.emit('before-quit', quitEvent);
  await until(() => state.quitted, 'the app to quit after closing the library');
  const afterClose = await call('appInfo', {});

  process.stdout.write(
    JSON.stringify({
      info,
      forbidden,
      html,
      pdf,
      page: { status: page.status, csp: page.headers.get('content-security-policy'), body: (await page.text()).slice(0, 200) },
      requests,
      guards,
      laterDecision,
      permission,
      setPaths: state.setPaths,
      worker: process.env.SOURCEMARK_IMPORT_WORKER,
      sandboxEnabled: state.sandboxEnabled,
      switches: state.switches,
      schemes: state.schemes,
      webPreferences: win.options.webPreferences,
      loadedUrl: win.loadedUrl,
      menu: Boolean(state.menu),
      errors: state.errors,
      quitPrevented: quitEvent.defaultPrevented,
      afterClose,
      libraryFiles: fs.readdirSync(libraryDir),
      libraryExists: fs.existsSync(path.join(libraryDir, 'library.sqlite')),
    }),
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  },
);
