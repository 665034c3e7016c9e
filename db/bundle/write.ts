// Writes a bundle file: rows with their hashes, then the manifest and its signature.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { BUNDLE_FORMAT_VERSION, contentDigest, createBundleSchema, insertRow, manifestBytes, rowHash, TABLES, type Manifest } from './format';
import type { BundleRows } from './collect';

export interface WriteOptions {
  appVersion: string;
  authorName: string;
  createdAt: string;
  publicKey: string;
  sign: ((bytes: Buffer) => string) | null;
}

export function digestOf(rows: BundleRows): string {
  return contentDigest(new Map(TABLES.map((t) => [t.name, sortedHashes(t.name, rows)])));
}

function sortedHashes(name: string, rows: BundleRows): string[] {
  const t = TABLES.find((x) => x.name === name)!;
  return sortByKey(rows.get(name) ?? [], t.key).map((r) => rowHash(t, r));
}

/** Key order as SQLite's BINARY collation and integer comparison give it, so reader and writer agree. */
export function sortByKey<R extends readonly unknown[]>(rows: R[], key: number): R[] {
  const cmp = (a: unknown, b: unknown): number => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8'));
  };
  return [...rows].sort((a, b) => {
    for (let i = 0; i < key; i++) {
      const c = cmp(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Writes to a temporary name beside `file` and renames, so a failed export leaves no half file. */
export function writeBundle(file: string, rows: BundleRows, o: WriteOptions): Manifest {
  const tmp = `${file}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const out = new Database(tmp);
  try {
    out.pragma('journal_mode = DELETE');
    createBundleSchema(out);
    const counts: Record<string, number> = {};
    out.transaction(() => {
      for (const t of TABLES) {
        const ins = out.prepare(insertRow(t));
        const list = rows.get(t.name) ?? [];
        for (const r of list) ins.run(...r, rowHash(t, r));
        counts[t.name] = list.length;
      }
    })();
    const manifest: Manifest = {
      format_version: BUNDLE_FORMAT_VERSION,
      app_version: o.appVersion,
      created_at: o.createdAt,
      author_name: o.authorName,
      counts,
      content_digest: digestOf(rows),
      public_key: o.sign ? o.publicKey : '',
    };
    const put = out.prepare('INSERT INTO manifest (key, value) VALUES (?, ?)');
    out.transaction(() => {
      for (const [k, v] of Object.entries(manifest)) put.run(k, typeof v === 'string' ? v : JSON.stringify(v));
      put.run('signature', o.sign ? o.sign(manifestBytes(manifest)) : '');
    })();
    out.close();
    fs.renameSync(tmp, file);
    return manifest;
  } catch (err) {
    if (out.open) out.close();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
