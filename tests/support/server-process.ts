// A real browser-mode server in its own process, as `npm run web` runs it: the back end bundled with
// the same build script (into a private folder under dist/, so tests never race `npm run build` over
// dist/web/, and packages resolve from the project's node_modules), started with node, optionally under
// a wrapper such as strace. Used where the process itself matters: crashes
// (kill -9), the wrapper dying, and the system calls of the whole process tree.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildMain } from '../../scripts/build-main.mjs';
import { appPackage } from '../../main/platform/app-root';
import type { Result } from '../../main/contract';

let bundled: Promise<string> | null = null;
let bundleDir: string | null = null;

/** Removes this process's bundle (call from afterAll; a test worker may end without an exit event). */
export function removeServerBundle(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
  bundled = null;
}

/** Bundles main/web/cli.ts (and the import worker) once per test process; removed when it exits. */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    fs.mkdirSync(path.join(appPackage().root, 'dist'), { recursive: true });
    const outDir = fs.mkdtempSync(path.join(appPackage().root, 'dist', 'test-server-'));
    bundleDir = outDir;
    await buildMain({ only: ['dist/web/server.cjs', 'dist/web/import-worker.cjs'], outDir });
    process.once('exit', removeServerBundle);
    return path.join(outDir, 'server.cjs');
  })();
  return bundled;
}

export interface ServerProcess {
  child: ChildProcess;
  baseURL: string;
  token: string;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  /** Calls the contract over HTTP; resolves with the Result envelope and the HTTP status. */
  call(method: string, input: unknown): Promise<{ status: number; result: Result<unknown> }>;
  /** Resolves when the spawned process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnServerOptions {
  dataDir: string;
  args?: string[];
  /** A command the server runs under, e.g. ['strace', '-f', …, '--']. */
  prefix?: string[];
  /** Extra stdio slot: 'ipc' gives the server an IPC channel, as scripts/web.mjs does. */
  ipc?: boolean;
  env?: Record<string, string>;
}

export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const bundle = await serverBundle();
  const command = [...(options.prefix ?? []), process.execPath, bundle, '--port', '0', '--data', options.dataDir, ...(options.args ?? [])];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: appPackage().root,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    env: { ...process.env, ...options.env },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const address = await new Promise<{ baseURL: string; token: string }>((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve({ baseURL: m[1]!, token: m[2]! });
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`The server ended before it was ready (${code ?? signal}): ${err.slice(-2000)}`)));
  });
  // Keep reading stdout so the pipe never fills.
  child.stdout!.resume();
  return {
    child,
    ...address,
    stderr: () => err,
    exited,
    async call(method, input) {
      const res = await fetch(`${address.baseURL}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${address.token}` },
        body: JSON.stringify(input ?? {}),
      });
      return { status: res.status, result: (await res.json()) as Result<unknown> };
    },
  };
}

/** The pids of a process's children, from /proc (Linux). */
export function childPids(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** True while a process with this pid exists (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}
