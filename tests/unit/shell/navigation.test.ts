// The desktop window's security rules, checked without Electron.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_URL,
  isAllowedNavigation,
  isAllowedRequest,
  isSafeExternalUrl,
  isTrustedSender,
  permissionDecision,
  windowOpenDecision,
} from '../../../main/security/navigation';

describe('navigation of the app window', () => {
  it('stays within app://sourcemark', () => {
    expect(isAllowedNavigation(APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/brief/3`)).toBe(true);
    expect(isAllowedNavigation('app://sourcemark/assets/index.js')).toBe(true);
  });

  it('refuses every other place, including look-alikes', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'app://sourcemark.evil/index.html',
      'app://evil/index.html',
      'app://user:pw@sourcemark/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('requests of the app session', () => {
  it('reach only the app itself and inline data', () => {
    for (const url of ['app://sourcemark/assets/index.js', 'data:font/woff2;base64,AAAA', 'blob:app://sourcemark/1234', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });
  it('never the network, other files or other app hosts', () => {
    for (const url of ['https://example.org/track.gif', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://example.org', 'app://other/x.js', 'ftp://example.org/']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('links handed to the operating system', () => {
  it('allows web pages and e-mail', () => {
    expect(isSafeExternalUrl('https://www.example.org/report?id=1')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    expect(isSafeExternalUrl('mailto:desk@example.org')).toBe(true);
  });

  it('refuses schemes that run programs or read files, and hidden credentials', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'vbscript:msgbox(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://host/share',
      'ftp://example.org/file',
      'data:text/html,hi',
      'https://user:secret@example.org/',
      'https://',
      'example.org',
      `https://example.org/${'a'.repeat(5000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('new windows', () => {
  it('are always denied; a clicked safe link goes to the browser', () => {
    expect(windowOpenDecision({ url: 'https://example.org/a', disposition: 'foreground-tab' })).toEqual({ action: 'deny', openExternally: 'https://example.org/a' });
    expect(windowOpenDecision({ url: 'https://example.org/a', disposition: 'background-tab' }).openExternally).toBe('https://example.org/a');
  });

  it('drop popups opened by script and unsafe URLs', () => {
    expect(windowOpenDecision({ url: 'https://example.org/a', disposition: 'new-window' })).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision({ url: 'file:///etc/passwd', disposition: 'foreground-tab' })).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision({ url: 'app://sourcemark/index.html', disposition: 'foreground-tab' })).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('permission requests', () => {
  it('are denied, whatever is asked', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      expect(permissionDecision(p)).toBe(false);
    }
  });
});

describe('IPC sender check', () => {
  const rendererDir = path.resolve('/opt/sourcemark/dist/renderer');
  it('trusts our own page only', () => {
    expect(isTrustedSender(APP_URL)).toBe(true);
    expect(isTrustedSender('app://sourcemark/index.html#/source/4')).toBe(true);
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, 'index.html')).href, { rendererDir })).toBe(true);
  });

  it('refuses foreign frames, other files and missing frames', () => {
    expect(isTrustedSender('https://example.org/')).toBe(false);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, 'index.html')).href)).toBe(false);
    expect(isTrustedSender(pathToFileURL('/tmp/evil.html').href, { rendererDir })).toBe(false);
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, '..', 'other', 'x.html')).href, { rendererDir })).toBe(false);
  });
});
