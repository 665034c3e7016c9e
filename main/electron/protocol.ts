// The app is served from app://sourcemark/ rather than file:// so that it has a real origin
// (for the CSP's 'self' and the sender check) and no access to other files. Each response
// carries the same security headers as browser mode.
import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { SECURITY_HEADERS } from '../security/csp';
import { APP_HOST, APP_SCHEME } from '../security/navigation';
import { resolveStatic } from '../security/static-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const text = (status: number, body: string) =>
      new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
    if (url.host !== APP_HOST) return text(404, 'Unknown host.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET is served.');
    const found = resolveStatic(rendererDir, url.pathname);
    if (found.kind === 'bad-path') return text(400, 'That path is not allowed.');
    if (found.kind === 'not-found') return text(404, `Not found: ${url.pathname}`);
    const body = await fs.readFile(found.file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': found.mime } });
  });
}
