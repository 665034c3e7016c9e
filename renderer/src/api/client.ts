// The renderer's only way to the back end: one client typed from the contract. In Electron the
// preload bridge (window.sourcemark) carries the calls over IPC; in browser mode they are
// POST /api/<method> to 127.0.0.1 with the per-run token from the page's #token= fragment.
import type { Bridge, Client, ErrorValue, MethodName, Result } from '../../../main/contract';
import type { MenuCommand } from '../../../main/electron/channels';
import type { BundleUpload } from '../../../main/contract/bundle';
import { formatBytes, MAX_REQUEST_BYTES } from '../../../main/vocabulary';

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in browser mode. */
    sourcemark?: Bridge & { onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void };
  }
}

export class ApiError extends Error {
  readonly code: ErrorValue['code'];
  readonly details: unknown;
  constructor(error: ErrorValue) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

const TOKEN_KEY = 'sourcemark.token';

const damagedListeners = new Set<() => void>();

/** Calls `listener` whenever a call finds the library damaged; returns the unsubscribe. */
export function onLibraryDamaged(listener: () => void): () => void {
  damagedListeners.add(listener);
  return () => damagedListeners.delete(listener);
}

/** The browser-mode token: from the URL fragment on first load, then from session storage. */
export function browserToken(): string | null {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** One POST to the browser-mode back end, answered with its Result; a dead server or a reply that is no Result becomes an error value. */
async function post<T>(url: string, init: { body: BodyInit; contentType: string; keepalive?: boolean }): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': init.contentType, Authorization: `Bearer ${browserToken() ?? ''}` },
      body: init.body,
      keepalive: init.keepalive,
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Sourcemark’s back end is not answering. Is `npm run web` still running?' } };
  }
  try {
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The back end answered ${response.status} ${response.statusText} without a result.` } };
  }
}

function callHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(input ?? {});
  return post(`./api/${method}`, {
    body,
    contentType: 'application/json',
    // A save started as the page goes away (reload, close) must still reach the store; browsers
    // allow keepalive only for bodies under 64 KB (a UTF-16 unit is at most 3 bytes of UTF-8).
    keepalive: body.length * 3 < 60_000,
  });
}

function transport(): (method: MethodName, input: unknown) => Promise<Result<unknown>> {
  const bridge = window.sourcemark;
  if (bridge) {
    return (method, input) => (bridge[method] as (i: unknown) => Promise<Result<unknown>>)(input);
  }
  return callHttp;
}

const send = transport();

/** Calls resolve with the method's result or reject with an ApiError carrying code and message. */
export const client: Client = new Proxy({} as Client, {
  get(_target, name) {
    if (typeof name !== 'string') return undefined;
    return async (input: unknown) => {
      const result = await send(name as MethodName, input);
      if (result.ok) return result.value;
      // The library was found damaged while open: the app switches to its recovery screen.
      if (result.error.code === 'LIBRARY_DAMAGED') for (const l of damagedListeners) l();
      throw new ApiError(result.error);
    };
  },
});

export const isDesktop = (): boolean => Boolean(window.sourcemark);

/**
 * Browser mode: a bundle to import goes as the raw body of POST /upload/bundle (the file streamed by
 * the browser, never read into this page as base64); the answer names the upload for inspectBundle
 * and importBundle. The desktop app picks the file in the main process instead (pickBundleFile).
 */
export async function uploadBundle(file: File): Promise<BundleUpload> {
  if (file.size > MAX_REQUEST_BYTES) {
    throw new ApiError({
      code: 'TOO_LARGE',
      message: `${file.name} is ${formatBytes(file.size)}; browser mode takes bundles of at most ${formatBytes(MAX_REQUEST_BYTES)} in one upload. Import it in the desktop app, or share fewer briefs per bundle.`,
    });
  }
  const result = await post<BundleUpload>(`./upload/bundle?name=${encodeURIComponent(file.name)}`, { body: file, contentType: 'application/octet-stream' });
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
