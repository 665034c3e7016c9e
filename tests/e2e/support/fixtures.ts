// The browser-mode fixture: every test gets a fresh data folder and its own back end, started in
// this process on a free port and serving the built renderer (dist/renderer; `npm run test:e2e`
// builds it first). It opens no page by itself: tests go to `app.url` when they are ready.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorValue, MethodInput, MethodName, MethodResult, Result } from '../../../main/contract';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';

export class ContractError extends Error {
  constructor(readonly error: ErrorValue) {
    super(`${error.code}: ${error.message}`);
    this.name = 'ContractError';
  }
}

export interface App {
  /** The page with the token in its fragment: http://127.0.0.1:<port>/#token=… */
  url: string;
  baseURL: string;
  token: string;
  dataDir: string;
  /** Calls the contract over HTTP like the renderer does; throws ContractError on { ok: false }. */
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  /** Closes the back end and starts it again on the same data folder (same port when free, new token). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(dataDir: string, options: { demo: boolean; port?: number }): Promise<RunningWebServer> {
  const start = (port: number) => startWebServer({ dataDir, port, seedDemo: options.demo, quiet: true });
  if (!options.port) return start(0);
  try {
    return await start(options.port);
  } catch {
    // Another worker took the port meanwhile; any free one will do.
    return start(0);
  }
}

export async function callContract(baseURL: string, token: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${baseURL}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  const result = (await response.json()) as Result<unknown>;
  if (!result.ok) throw new ContractError(result.error);
  return result.value;
}

export const test = base.extend<{ demo: boolean; app: App }>({
  demo: [false, { option: true }],
  app: async ({ demo }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-'));
    let server = await startApp(dataDir, { demo });
    let closed = false;
    const app: App = {
      get url() {
        return server.url;
      },
      get baseURL() {
        return server.baseURL;
      },
      get token() {
        return server.token;
      },
      dataDir,
      call: (method, input) => callContract(server.baseURL, server.token, method, input) as never,
      async restart() {
        const port = server.port;
        await server.close();
        server = await startApp(dataDir, { demo, port });
        closed = false;
      },
      async close() {
        closed = true;
        await server.close();
      },
    };
    try {
      await use(app);
    } finally {
      if (!closed) await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
