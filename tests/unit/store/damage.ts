// Damaged and foreign library files, made the way they happen: a library built through the service
// and closed cleanly (so its sidecar and backups exist), then emptied, cut short, overwritten in the
// middle, left with its journal lost after a crash, replaced by someone else's file, or made read-only.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openService, type OpenServiceOptions, type RunningService } from '../../../main/service/index';
import { dispatch } from '../../../main/contract/dispatch';
import type { MethodInput, MethodName, MethodResult, Service } from '../../../main/contract';

export const LIB = 'library.sqlite';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-safety-'));
}

export const sha256File = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function start(dataDir: string, extra: Partial<OpenServiceOptions> = {}): Promise<RunningService> {
  return openService({
    dataDir,
    mode: 'web',
    version: 'test',
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
    log: () => undefined,
    ...extra,
  });
}

export async function call<K extends MethodName>(service: Service, name: K, input: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(service, name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code}: ${r.error.message}`), { error: r.error });
  return r.value as MethodResult<K>;
}

/** Adds n sources with distinct texts and one brief citing nothing. */
export async function addWork(service: Service, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i += 1) {
    await call(service, 'addSource', { title: `Report ${i}`, body: `Report number ${i}. ${'The convoy crossed the river at dawn. '.repeat(40)}` });
  }
}

/** A library of `sources` sources and one brief, closed cleanly, with its backup taken at open. */
export async function makeLibrary(sources = 30): Promise<string> {
  const dir = tempDataDir();
  const running = await start(dir);
  await addWork(running.service, sources);
  await call(running.service, 'createBrief', { title: 'Assessment' });
  await running.keeper.backups?.take('manual');
  await running.close();
  return dir;
}

/** Overwrites with random bytes one leaf page, from the middle, of the given table (SQLite's dbstat). */
export function garblePage(file: string, table = 'source'): void {
  const db = new Database(file, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  if (pages.length < 3) throw new Error(`The ${table} table has only ${pages.length} leaf pages; make a bigger library.`);
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

/**
 * The files a crash leaves behind: the library with uncheckpointed commits in its -wal, the sidecar
 * saying "open", the lock of the dead process. Made by copying a running library's folder.
 */
export async function crashedCopy(): Promise<{ dir: string; committed: number }> {
  const live = await makeLibrary(10);
  const running = await start(live);
  await addWork(running.service, 5, 100);
  const committed = (running.ctx.store.db.prepare('SELECT count(*) FROM source').pluck().get() as number);
  const dir = tempDataDir();
  for (const name of fs.readdirSync(live)) {
    const from = path.join(live, name);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(dir, name));
    else fs.cpSync(from, path.join(dir, name), { recursive: true });
  }
  await running.close();
  fs.rmSync(live, { recursive: true, force: true });
  return { dir, committed };
}

export function foreignSqlite(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada'), ('Grace')");
  db.close();
}
