// The Chromium DevTools protocol over the pipe Chromium opens with --remote-debugging-pipe (file
// descriptors 3 and 4, one JSON message per NUL-terminated line). The PDF renderer needs only a
// handful of commands, so it speaks them itself instead of loading Playwright into the back end:
// Playwright's client and server code is ~40 MB of the Node heap (about 50 MB of resident memory)
// that stayed loaded for as long as the app ran, beside a Chromium that itself needs ~450 MB to
// print a 500-claim brief.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;

interface Pending {
  resolve(value: Params): void;
  reject(err: Error): void;
  method: string;
}

export interface CdpConnection {
  /** Sends a command, to the browser or (with sessionId) to an attached page, and waits for its answer. */
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Resolves with the first event of this name (on this session) whose parameters satisfy test. */
  waitFor(method: string, sessionId: string, test?: (params: Params) => boolean): Promise<Params>;
  /** Resolves when the browser process has ended, for whatever reason. */
  readonly exited: Promise<void>;
  readonly pid: number | undefined;
  /** Asks the browser to close, and kills it if it has not ended within a few seconds. */
  close(): Promise<void>;
}

export function launchCdp(executable: string, args: string[], env: Record<string, string>): CdpConnection {
  const child: ChildProcess = spawn(executable, [...args, '--remote-debugging-pipe'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  // Chromium's own log lines: kept short, for the message of a failed launch.
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString('utf8')).slice(-2000);
  });

  let nextId = 1;
  let ended: Error | null = null;
  const pending = new Map<number, Pending>();
  const listeners = new Set<{ method: string; sessionId: string; test: (p: Params) => boolean; resolve(p: Params): void; reject(e: Error): void }>();

  const fail = (err: Error) => {
    if (ended) return;
    ended = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    for (const l of listeners) l.reject(err);
    listeners.clear();
  };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      fail(new Error(`Chromium ended (${signal ?? `exit code ${code}`})${log ? `: ${log.trim().split('\n').pop()}` : ''}`));
      resolve();
    });
    child.once('error', (err) => {
      fail(err);
      resolve();
    });
  });
  // A write to a pipe whose reader is gone fails here; the exit handler reports it.
  toBrowser.on('error', () => undefined);
  fromBrowser.on('error', () => undefined);

  const dispatch = (text: string) => {
    const msg = JSON.parse(text) as { id?: number; method?: string; params?: Params; result?: Params; error?: { message: string }; sessionId?: string };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result ?? {});
      return;
    }
    for (const l of listeners) {
      if (l.method === msg.method && l.sessionId === (msg.sessionId ?? '') && l.test(msg.params ?? {})) {
        listeners.delete(l);
        l.resolve(msg.params ?? {});
      }
    }
  };

  // Messages arrive in chunks of any size; only whole ones (up to a NUL) are read. A page's PDF comes
  // through IO.read in pieces, so no single message is larger than one piece.
  let held: Buffer[] = [];
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      held.push(chunk.subarray(start, end));
      const text = Buffer.concat(held).toString('utf8');
      held = [];
      start = end + 1;
      try {
        dispatch(text);
      } catch (err) {
        fail(new Error(`Chromium sent a message that is not JSON: ${(err as Error).message}`));
      }
    }
    if (start < chunk.length) held.push(chunk.subarray(start));
  });

  const send = <T>(method: string, params: Params = {}, sessionId?: string): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: Params) => void, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };

  return {
    send,
    waitFor(method, sessionId, test = () => true) {
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => listeners.add({ method, sessionId, test, resolve, reject }));
    },
    exited,
    pid: child.pid,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
