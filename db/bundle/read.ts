// Reads and verifies a bundle completely before anything is written: the file is ours and not from a
// newer format, every row still hashes to its row_sha256, every source body to its SHA-256, every
// passage is the text of its source at its range, every reference resolves, the counts and the content
// digest match the manifest. The signature is checked by the caller, which owns the keys.
import { clip } from '../../main/vocabulary';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { quoteMatchesBody } from '../text';
import { BUNDLE_APPLICATION_ID, BUNDLE_FORMAT_VERSION, contentDigest, rowHash, selectRows, TABLES, type Manifest, type Row } from './format';
import type { BundleRows } from './collect';

export interface ReadBundle {
  manifest: Manifest;
  signature: string;
  rows: BundleRows;
}

const invalid = (name: string, why: string) => new AppError('BUNDLE_INVALID', `${name} is not a Sourcemark bundle that can be read: ${why}`);
const tampered = (msg: string) => new AppError('BUNDLE_TAMPERED', `${msg} Nothing was imported.`);
const short = (s: string) => clip(s, 60);

export function readBundle(file: string, name: string): ReadBundle {
  if (!fs.existsSync(file)) throw invalid(name, 'the file does not exist.');
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') throw invalid(name, 'it is not a SQLite file.');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw invalid(name, (err as Error).message);
  }
  try {
    return readOpen(db, name);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(name, `the file is damaged or truncated (${(err as Error).message}).`);
  } finally {
    db.close();
  }
}

function readOpen(db: Database.Database, name: string): ReadBundle {
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw invalid(name, `the file is damaged or truncated (${check}).`);
  if ((db.pragma('application_id', { simple: true }) as number) !== BUNDLE_APPLICATION_ID) throw invalid(name, 'it is a SQLite file of another kind.');
  const kv = new Map((db.prepare('SELECT key, value FROM manifest').raw().all() as [string, string][]).map(([k, v]) => [k, v]));
  const version = Number(kv.get('format_version'));
  if (!Number.isInteger(version)) throw invalid(name, 'its manifest has no format version.');
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new AppError('BUNDLE_NEWER', `${name} was made by a newer Sourcemark (bundle format ${version}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Sourcemark to import it.`);
  }
  const manifest: Manifest = {
    format_version: version,
    app_version: kv.get('app_version') ?? '',
    created_at: kv.get('created_at') ?? '',
    author_name: kv.get('author_name') ?? '',
    counts: JSON.parse(kv.get('counts') ?? '{}') as Record<string, number>,
    content_digest: kv.get('content_digest') ?? '',
    public_key: kv.get('public_key') ?? '',
  };
  const rows: BundleRows = new Map();
  const hashes = new Map<string, string[]>();
  for (const t of TABLES) {
    const list: Row[] = [];
    const hs: string[] = [];
    for (const r of db.prepare(selectRows(t)).raw().all() as Row[]) {
      const stored = r.pop() as string;
      const h = rowHash(t, r);
      if (h !== stored) throw tampered(`${t.label} ${describe(t.name, r)} was changed after the bundle was made (its row hash does not match).`);
      list.push(r);
      hs.push(h);
    }
    const expected = manifest.counts[t.name] ?? 0;
    if (list.length !== expected) throw tampered(`The manifest lists ${expected} ${t.name} rows but the bundle holds ${list.length}; objects were added or removed.`);
    rows.set(t.name, list);
    hashes.set(t.name, hs);
  }
  verifyContent(rows);
  if (contentDigest(hashes) !== manifest.content_digest) throw tampered("The bundle's content digest does not match its manifest; its contents were changed after it was made.");
  return { manifest, signature: kv.get('signature') ?? '', rows };
}

export function describe(table: string, r: Row): string {
  switch (table) {
    case 'source':
      return `“${short(String(r[1]))}” (SHA-256 ${String(r[0]).slice(0, 12)}…)`;
    case 'quote':
      return `at ${r[1]}–${r[2]} of source ${String(r[0]).slice(0, 12)}… (“${short(String(r[3]))}”)`;
    case 'brief':
      return `${r[0]} (“${short(String(r[1]))}”)`;
    case 'claim':
      return `${r[0]} (“${short(String(r[3]))}”)`;
    default:
      return short(JSON.stringify(r));
  }
}

function verifyContent(rows: BundleRows): void {
  const bodies = new Map<string, string>();
  for (const r of rows.get('source')!) {
    const sha = createHash('sha256').update(String(r[11]), 'utf8').digest('hex');
    if (sha !== r[0]) throw tampered(`Source ${describe('source', r)}: its text does not match its SHA-256.`);
    bodies.set(r[0] as string, r[11] as string);
  }
  const passages = new Set<string>();
  for (const r of rows.get('quote')!) {
    const body = bodies.get(r[0] as string);
    if (body === undefined) throw tampered(`Passage ${describe('quote', r)} belongs to a source that is not in the bundle.`);
    if (!quoteMatchesBody(body, r[1] as number, r[2] as number, String(r[3]), String(r[4]), String(r[5]))) {
      throw tampered(`Passage ${describe('quote', r)} is not the text of its source at that range.`);
    }
    passages.add(`${r[0]}:${r[1]}:${r[2]}`);
  }
  const briefs = new Set(rows.get('brief')!.map((r) => r[0] as string));
  const claims = new Set<string>();
  for (const r of rows.get('claim')!) {
    if (!briefs.has(r[1] as string)) throw tampered(`Claim ${describe('claim', r)} belongs to a brief that is not in the bundle.`);
    claims.add(r[0] as string);
  }
  for (const r of rows.get('citation')!) {
    if (!claims.has(r[0] as string)) throw tampered(`A citation names claim ${r[0]}, which is not in the bundle.`);
    if (!passages.has(`${r[1]}:${r[2]}:${r[3]}`)) throw tampered(`A citation names the passage at ${r[2]}–${r[3]} of source ${String(r[1]).slice(0, 12)}…, which is not in the bundle.`);
  }
  const tags = new Set(rows.get('tag')!.map((r) => r[0] as string));
  for (const name of ['source_tag', 'quote_tag', 'claim_tag']) {
    for (const r of rows.get(name)!) if (!tags.has(r[r.length - 1] as string)) throw tampered(`Tag “${r[r.length - 1]}” is used but not in the bundle.`);
  }
}
