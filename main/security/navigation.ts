// The desktop window's decisions about where it may go. Electron calls these from will-navigate,
// setWindowOpenHandler, the permission handler and every IPC handler; here they are plain
// functions so Vitest checks each rule without Electron.
import { fileURLToPath } from 'node:url';
import { isInsideDir } from './paths';

/** The app is served from this origin (a privileged, standard custom scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sourcemark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Same scheme, host and port. URL.origin is "null" for custom schemes in Node, so compare the parts. */
function isSameOrigin(url: string, origin: string): boolean {
  const a = parse(url);
  const b = parse(origin);
  if (!a || !b) return false;
  return a.protocol === b.protocol && a.host === b.host && a.username === '' && a.password === '';
}

/** The window may only move between our own pages (hash routes, reloads). */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return isSameOrigin(url, appOrigin);
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Links that may be handed to the OS: web pages and e-mail only. file:, javascript:, custom
 * schemes (which can launch other programs) and URLs with embedded credentials are refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 4096) return false;
  const u = parse(url);
  if (!u || !EXTERNAL_PROTOCOLS.has(u.protocol)) return false;
  if (u.username || u.password) return false;
  if (u.protocol !== 'mailto:' && !u.hostname) return false;
  return true;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/**
 * No new Electron windows, ever. A link the analyst clicked with target=_blank (a source's URL)
 * goes to the default browser when it is safe; anything else (script-opened popups, other
 * dispositions, unsafe schemes) is just dropped.
 */
export function windowOpenDecision(details: { url: string; disposition?: string }): WindowOpenDecision {
  const clicked = details.disposition === undefined || details.disposition === 'foreground-tab' || details.disposition === 'background-tab';
  return { action: 'deny', openExternally: clicked && isSafeExternalUrl(details.url) ? details.url : null };
}

const LOCAL_REQUEST_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/**
 * Every request of the app's own session, checked below the CSP as a second wall: the app and
 * inline data only, never the network or the file system, even if a page slipped past the CSP.
 */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  if (!u || !LOCAL_REQUEST_PROTOCOLS.has(u.protocol)) return false;
  return u.protocol !== `${APP_SCHEME}:` || u.host === APP_HOST;
}

/** Camera, microphone, notifications, geolocation, clipboard-read…: the app needs none of them. */
export function permissionDecision(_permission: string): false {
  return false;
}

export interface TrustedFrames {
  appOrigin?: string;
  /** Folder of the built renderer, in case pages are loaded as files. */
  rendererDir?: string;
}

/** Whether an IPC message comes from our own page (not an iframe of a source, not a foreign page). */
export function isTrustedSender(frameUrl: string | null | undefined, trusted: TrustedFrames = {}): boolean {
  if (!frameUrl) return false;
  if (isSameOrigin(frameUrl, trusted.appOrigin ?? APP_ORIGIN)) return true;
  const u = parse(frameUrl);
  if (u?.protocol === 'file:' && trusted.rendererDir) {
    return isInsideDir(trusted.rendererDir, fileURLToPath(u));
  }
  return false;
}
