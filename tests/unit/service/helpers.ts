// A fresh library in a temp folder per test, used through the same service and dispatch the
// transports use. snapshot() reads every stored row, so a test can prove a refusal changed nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openService, type RunningService } from '../../../main/service/index';
import { dispatch } from '../../../main/contract/dispatch';
import type { ErrorValue } from '../../../db/errors';
import type { MethodInput, MethodName, MethodResult } from '../../../main/contract';

export interface TestLibrary {
  running: RunningService;
  dir: string;
  /** Calls a method as a transport does: raw input, schema parsing, result envelope. Throws on refusal. */
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  /** Calls a method and returns its refusal; fails the test if the call succeeded. */
  refuse(name: string, input: unknown): Promise<ErrorValue>;
  snapshot(): string;
  close(): Promise<void>;
}

/** call and refuse over a running service: what every test library offers. */
export function callers(running: RunningService): Pick<TestLibrary, 'call' | 'refuse'> {
  return {
    async call(name, input) {
      const r = await dispatch(running.service, name, input);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async refuse(name, input) {
      const r = await dispatch(running.service, name, input);
      if (r.ok) throw new Error(`${name} was expected to be refused but returned ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
  };
}

export interface OpenLibraryOptions {
  /** Folders an import may read by path; the library's own folder when left out. */
  importFolders?: (dir: string) => string[];
}

export async function openLibrary(options: OpenLibraryOptions = {}): Promise<TestLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-test-'));
  const running = await openService({
    dataDir: dir,
    mode: 'web',
    importAccess: { kind: 'folders', folders: options.importFolders ? options.importFolders(dir) : [dir] },
    version: '0.0.0-test',
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
  });
  const db = running.ctx.store.db;
  return {
    running,
    dir,
    ...callers(running),
    snapshot() {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
        .pluck()
        .all() as string[];
      return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all())}`).join('\n');
    },
    async close() {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const ARTICLE = [
  'Western governments said on Tuesday that the talks would resume.',
  'Западные страны заявили, что переговоры возобновятся.',
  'وقالت الحكومات الغربية إن المحادثات ستستأنف.',
  '北京和东京的代表表示，谈判将于下周恢复。',
  '東京の代表団は来週の交渉再開を確認した。',
].join('\n');
