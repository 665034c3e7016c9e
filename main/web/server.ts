// Browser mode: the real back end (same service, same SQLite file format) with the contract as
// POST /api/<method> and the built renderer as static files, on 127.0.0.1 only.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { openService, type RunningService } from '../service/index';
import { dispatch } from '../contract/dispatch';
import { createPlaywrightPdfRenderer } from '../export/pdf-playwright';
import type { PdfRenderer } from '../ports';
import { checkImportFolders } from '../security/file-access';
import { checkApiAccess, checkDownloadAccess, checkPageAccess, exportTicket, isWellFormedToken, newToken } from '../security/web-access';
import { openVerifiedExport } from '../export/read-export';
import { AppError } from '../../db/errors';
import { appPackage } from '../platform/app-root';
import { BodyTooLarge, readBody, sendDownload, sendError, sendFile, sendJson, sendText } from './http-io';
import { missingRendererMessage, resolveStatic } from '../security/static-files';
import { stageBundleBytes, tooLarge } from '../bundle/uploads';

export interface WebServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** A fixed token (tests, restarts); a random one per run otherwise. */
  token?: string;
  /** Built renderer; relative paths are taken from the project folder. */
  rendererDir?: string;
  seedDemo?: boolean;
  /** No log lines on stderr. */
  quiet?: boolean;
  /** Folders whose files an import may name by path (--import-dir); none by default. */
  importDirs?: readonly string[];
  /** Defaults to Playwright's page.pdf() on the system Chromium. */
  pdf?: PdfRenderer;
}

export interface RunningWebServer {
  /** The address to open: the page with the token in its fragment. */
  url: string;
  /** http://127.0.0.1:<port> without a trailing slash. */
  baseURL: string;
  token: string;
  port: number;
  service: RunningService;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
/** GET /exports/<record id>?ticket=…: a finished export, streamed as a download. */
const EXPORTS_PREFIX = '/exports/';
/** POST /upload/bundle?name=…: a bundle to import, sent as the raw body (never base64 inside JSON). */
const UPLOAD_PATH = '/upload/bundle';

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error(`Browser mode listens on 127.0.0.1 only; "${host}" would expose the library to the network.`);
  }
  const token = options.token ?? newToken();
  if (!isWellFormedToken(token)) throw new Error('The token must be 16 to 256 URL-safe characters (A-Z, a-z, 0-9, - and _).');
  const pkg = appPackage();
  const rendererDir = path.resolve(pkg.root, options.rendererDir ?? 'dist/renderer');
  const log = options.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);

  const importFolders = await checkImportFolders(options.importDirs ?? []);
  const service = await openService({
    dataDir: options.dataDir,
    mode: 'web',
    importAccess: { kind: 'folders', folders: importFolders },
    version: pkg.version,
    pdf: options.pdf ?? createPlaywrightPdfRenderer(),
    seedDemo: options.seedDemo ?? true,
    downloadUrl: (recordId) => `${EXPORTS_PREFIX}${recordId}?ticket=${exportTicket(token, recordId)}`,
    // The page can be served (and show the check's progress) while a large library is checked.
    background: true,
    log,
  });

  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`Sourcemark web: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Something went wrong inside Sourcemark.' });
      else res.destroy();
    });
  });
  // Large imports are slow to upload on a busy machine; idle sockets still go away.
  server.requestTimeout = 10 * 60_000;
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const facts = { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization };

    if (url.pathname.startsWith(API_PREFIX)) {
      const access = checkApiAccess(facts, port, token);
      if (!access.ok) {
        req.resume();
        sendError(res, access.status, { code: access.code, message: access.message });
        return;
      }
      if (req.method !== 'POST') {
        req.resume();
        sendError(res, 405, { code: 'INVALID_INPUT', message: 'Contract calls are POST requests with a JSON body.' }, { Allow: 'POST' });
        return;
      }
      await handleCall(url.pathname.slice(API_PREFIX.length), req, res);
      return;
    }

    if (url.pathname === UPLOAD_PATH) {
      const access = checkApiAccess(facts, port, token);
      if (!access.ok || req.method !== 'POST') {
        req.resume();
        if (!access.ok) sendError(res, access.status, { code: access.code, message: access.message });
        else sendError(res, 405, { code: 'INVALID_INPUT', message: 'A bundle is uploaded with POST, the file as the body.' }, { Allow: 'POST' });
        return;
      }
      await handleUpload(url, req, res);
      return;
    }

    if (url.pathname.startsWith(EXPORTS_PREFIX)) {
      req.resume();
      await handleDownload(url, req, res);
      return;
    }

    const access = checkPageAccess(facts, port);
    if (!access.ok) {
      req.resume();
      sendText(res, access.status, access.message);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Only GET and HEAD are served here.');
      return;
    }
    const missing = missingRendererMessage(rendererDir);
    if (missing) {
      sendText(res, 503, missing);
      return;
    }
    const found = resolveStatic(rendererDir, url.pathname);
    if (found.kind === 'file') sendFile(res, found.file, found.mime, found.size, req.method === 'HEAD');
    else if (found.kind === 'bad-path') sendText(res, 400, 'That path is not allowed.');
    // Browsers ask for an icon on their own; without one, answer quietly rather than log a 404.
    else if (url.pathname === '/favicon.ico') sendText(res, 204, '');
    else sendText(res, 404, `Not found: ${url.pathname}`);
  }

  async function handleDownload(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = /^\d{1,15}$/.test(url.pathname.slice(EXPORTS_PREFIX.length)) ? Number(url.pathname.slice(EXPORTS_PREFIX.length)) : null;
    if (id === null) {
      sendError(res, 404, { code: 'NOT_FOUND', message: 'Exports are downloaded by their number, e.g. /exports/12.' });
      return;
    }
    const fetchSite = req.headers['sec-fetch-site'];
    const access = checkDownloadAccess(
      { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization, fetchSite: typeof fetchSite === 'string' ? fetchSite : undefined },
      port,
      token,
      id,
      url.searchParams.get('ticket'),
    );
    if (!access.ok) {
      sendError(res, access.status, { code: access.code, message: access.message });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, { code: 'INVALID_INPUT', message: 'An export is fetched with GET.' }, { Allow: 'GET, HEAD' });
      return;
    }
    try {
      sendDownload(res, await openVerifiedExport(service.ctx.store.db, id), req.method === 'HEAD');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      sendError(res, err.code === 'NOT_FOUND' ? 404 : err.code === 'LIBRARY_DAMAGED' ? 503 : 409, err.toValue());
    }
  }

  /** A bundle to import, as the raw request body; answered with the upload id inspectBundle and importBundle take. */
  async function handleUpload(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = (url.searchParams.get('name') ?? '').trim() || 'The file';
    if (name.length > 1024) {
      req.resume();
      sendError(res, 400, { code: 'INVALID_INPUT', message: 'The file name is longer than 1,024 characters.' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      // Answered at once; the rest of the body is read and dropped (readBody), so the client gets this answer.
      sendError(res, 413, tooLarge(name, err.declared ?? null, err.limit).toValue());
      return;
    }
    try {
      const upload = stageBundleBytes(service.ctx.dataDir, name, body);
      sendJson(res, 200, { ok: true, value: { upload, name, bytes: body.length } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      sendError(res, err.code === 'BUNDLE_INVALID' ? 415 : 400, err.toValue());
    }
  }

  async function handleCall(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        sendError(res, 413, { code: 'TOO_LARGE', message: err.message });
        return;
      }
      throw err;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        sendError(res, 400, { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
        return;
      }
    }
    const result = await dispatch(service.service, name, input);
    sendJson(res, 200, result);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await service.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${options.port ?? 0} is already in use; choose another with --port.`);
    throw err;
  }
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const baseURL = `http://127.0.0.1:${port}`;
  const missing = missingRendererMessage(rendererDir);
  if (missing) log(`Sourcemark web: ${missing}`);

  let closing: Promise<void> | null = null;
  return {
    url: `${baseURL}/#token=${token}`,
    baseURL,
    token,
    port,
    service,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await service.close();
      })();
      return closing;
    },
  };
}
