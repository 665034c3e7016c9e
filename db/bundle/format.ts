// The .sourcemark bundle: a SQLite file another tool can read with any SQLite library. Every object
// is keyed by its global identity (a source by its body's SHA-256, a passage by source hash + range,
// a brief or claim by its uid, a tag by its name), and every row carries row_sha256 over its own
// values, so a refusal can name the exact object that was changed. The content digest covers every
// row hash in a fixed order; the signature covers the manifest, which holds that digest.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** 'SMBN' — distinct from a library's application_id, so neither is ever opened as the other. */
export const BUNDLE_APPLICATION_ID = 0x534d424e;
export const BUNDLE_FORMAT_VERSION = 1;

export interface TableSpec {
  name: string;
  /** Columns in canonical order; the first `key` of them identify the row. */
  columns: readonly string[];
  key: number;
  /** Human name of one object, for refusals. */
  label: string;
}

export const TABLES: readonly TableSpec[] = [
  {
    name: 'source',
    columns: ['sha256', 'title', 'outlet', 'author', 'url', 'published_at', 'accessed_at', 'language', 'reliability', 'source_type', 'format', 'body'],
    key: 1,
    label: 'Source',
  },
  { name: 'quote', columns: ['source_sha256', 'start', 'end', 'exact', 'prefix', 'suffix', 'credibility', 'note'], key: 3, label: 'Passage' },
  {
    name: 'brief',
    columns: ['uid', 'title', 'marking', 'summary', 'author', 'organisation', 'dissemination', 'cutoff_date', 'portion_mark', 'likelihood_row', 'source_summary', 'version_of'],
    key: 1,
    label: 'Brief',
  },
  { name: 'claim', columns: ['uid', 'brief_uid', 'position', 'text', 'confidence', 'likelihood'], key: 1, label: 'Claim' },
  { name: 'citation', columns: ['claim_uid', 'source_sha256', 'start', 'end', 'relation', 'position'], key: 4, label: 'Citation' },
  { name: 'tag', columns: ['name', 'colour'], key: 1, label: 'Tag' },
  { name: 'source_tag', columns: ['source_sha256', 'tag_name'], key: 2, label: 'Source tag' },
  { name: 'quote_tag', columns: ['source_sha256', 'start', 'end', 'tag_name'], key: 4, label: 'Passage tag' },
  { name: 'claim_tag', columns: ['claim_uid', 'tag_name'], key: 2, label: 'Claim tag' },
];

export const table = (name: string): TableSpec => TABLES.find((t) => t.name === name)!;

const INTEGER_COLUMNS = new Set(['start', 'end', 'credibility']);
const q = (c: string) => `"${c}"`;

export type Row = (string | number | null)[];

/** SHA-256 of one row: its table and values as canonical JSON (integers stay integers). */
export function rowHash(t: TableSpec, row: Row): string {
  return createHash('sha256').update(JSON.stringify([t.name, ...row]), 'utf8').digest('hex');
}

export function createBundleSchema(db: Database): void {
  db.pragma(`application_id = ${BUNDLE_APPLICATION_ID}`);
  db.exec('CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;');
  for (const t of TABLES) {
    const cols = t.columns.map((c) => `${q(c)} ${INTEGER_COLUMNS.has(c) ? 'INTEGER' : 'TEXT'}`);
    const key = t.columns.slice(0, t.key).map(q).join(', ');
    db.exec(`CREATE TABLE ${t.name} (${cols.join(', ')}, row_sha256 TEXT NOT NULL, PRIMARY KEY (${key})) STRICT;`);
  }
}

export const selectRows = (t: TableSpec) =>
  `SELECT ${t.columns.map(q).join(', ')}, row_sha256 FROM ${t.name} ORDER BY ${t.columns.slice(0, t.key).map(q).join(', ')}`;
export const insertRow = (t: TableSpec) =>
  `INSERT INTO ${t.name} (${t.columns.map(q).join(', ')}, row_sha256) VALUES (${t.columns.map(() => '?').join(', ')}, ?)`;

/** The content digest: every row hash, table by table, in key order. */
export function contentDigest(hashesByTable: ReadonlyMap<string, readonly string[]>): string {
  const h = createHash('sha256').update(`sourcemark-bundle ${BUNDLE_FORMAT_VERSION}\n`);
  for (const t of TABLES) {
    h.update(`${t.name}\n`);
    for (const r of hashesByTable.get(t.name) ?? []) h.update(`${r}\n`);
  }
  return h.digest('hex');
}

export interface Manifest {
  format_version: number;
  app_version: string;
  created_at: string;
  author_name: string;
  counts: Record<string, number>;
  content_digest: string;
  /** Ed25519 public key, SPKI DER in base64; empty when unsigned. */
  public_key: string;
}

/** The exact bytes the signature covers: the manifest as JSON with keys in a fixed order. */
export function manifestBytes(m: Manifest): Buffer {
  const ordered = {
    format_version: m.format_version,
    app_version: m.app_version,
    created_at: m.created_at,
    author_name: m.author_name,
    counts: Object.fromEntries(TABLES.map((t) => [t.name, m.counts[t.name] ?? 0])),
    content_digest: m.content_digest,
    public_key: m.public_key,
  };
  return Buffer.from(`sourcemark-bundle-manifest\n${JSON.stringify(ordered)}`, 'utf8');
}

/**
 * Why the first bytes of a file cannot begin a bundle, or null when they can: a bundle is a SQLite
 * file (its 16-byte magic) whose header carries BUNDLE_APPLICATION_ID at offset 68, big-endian. Read
 * before a file is stored anywhere, so a wrong file is turned away with a reason at once.
 */
export function bundleHeaderProblem(head: Uint8Array): string | null {
  const magic = Buffer.from('SQLite format 3\0', 'latin1');
  if (head.length < 16 || !Buffer.from(head.buffer, head.byteOffset, 16).equals(magic)) return 'it is not a SQLite file.';
  if (head.length < 72) return 'the file is truncated (it ends inside the SQLite header).';
  const id = Buffer.from(head.buffer, head.byteOffset, head.length).readUInt32BE(68);
  if (id !== BUNDLE_APPLICATION_ID) return 'it is a SQLite file of another kind (a library or another program’s database, not a .sourcemark bundle).';
  return null;
}
