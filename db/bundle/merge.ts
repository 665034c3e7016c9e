// Merges a verified bundle into a library, in one transaction, by the sharing rules of issue 13:
//  - a source with the same body hash is the same source; differing metadata is reported as an
//    offer, never written over the local values;
//  - a passage with the same source and range is the same passage; a bundle note the local note
//    does not already hold is appended (marked with who it came from), never replacing it;
//  - a brief whose uid is unknown is added with its uid; one that exists with the same content is
//    left alone; one that exists with different content is added beside it as a version named with
//    the signer and date. The version's uid derives from the original uid and the bundle's content
//    of it, so importing the same bundle again finds it and changes nothing.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { sourceIdBySha } from '../sources';
import { now, sql, write } from '../stmt';
import { casefold } from '../text';
import { briefContent, type BundleRows } from './collect';
import type { Row } from './format';
import { digestOf, sortByKey } from './write';

export interface MetadataOffer {
  sha256: string;
  title: string;
  field: string;
  local: string | null;
  bundle: string | null;
}

export interface MergeReport {
  sourcesAdded: number;
  passagesAdded: number;
  notesAdded: number;
  briefsAdded: number;
  briefVersionsAdded: { title: string; versionOf: string }[];
  briefsUnchanged: number;
  tagsAdded: number;
  metadataOffers: MetadataOffer[];
}

const SOURCE_FIELDS = ['title', 'outlet', 'author', 'url', 'published_at', 'accessed_at', 'language', 'reliability', 'source_type'];

/** A UUID-shaped id derived from text, so the same input always names the same object. */
export function derivedUid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function briefRowsOf(rows: BundleRows, uid: string): BundleRows {
  const out: BundleRows = new Map();
  out.set('brief', rows.get('brief')!.filter((r) => r[0] === uid));
  const claims = rows.get('claim')!.filter((r) => r[1] === uid);
  const ids = new Set(claims.map((r) => r[0]));
  out.set('claim', claims);
  out.set('citation', rows.get('citation')!.filter((r) => ids.has(r[0])));
  out.set('claim_tag', rows.get('claim_tag')!.filter((r) => ids.has(r[0])));
  return out;
}

export function mergeBundle(db: Database, rows: BundleRows, from: { signer: string; date: string }): MergeReport {
  const report: MergeReport = {
    sourcesAdded: 0,
    passagesAdded: 0,
    notesAdded: 0,
    briefsAdded: 0,
    briefVersionsAdded: [],
    briefsUnchanged: 0,
    tagsAdded: 0,
    metadataOffers: [],
  };
  return write(db, () => {
    const t = now();
    const tagIds = new Map<string, number>();
    const localTags = new Map((sql(db, 'SELECT id, name FROM tag').all() as { id: number; name: string }[]).map((r) => [casefold(r.name), r.id]));
    for (const [name, colour] of rows.get('tag')! as [string, string][]) {
      let id = localTags.get(casefold(name));
      if (id === undefined) {
        id = Number(sql(db, 'INSERT INTO tag (name, colour, created_at) VALUES (?, ?, ?)').run(name, colour, t).lastInsertRowid);
        localTags.set(casefold(name), id);
        report.tagsAdded++;
      }
      tagIds.set(name, id);
    }

    const sourceIds = new Map<string, number>();
    for (const r of rows.get('source')!) {
      const sha = r[0] as string;
      const existing = sourceIdBySha(db, sha);
      if (existing !== undefined) {
        sourceIds.set(sha, existing);
        const local = sql(db, `SELECT ${SOURCE_FIELDS.join(', ')} FROM source WHERE id = ?`).raw().get(existing) as (string | null)[];
        SOURCE_FIELDS.forEach((field, i) => {
          const theirs = r[i + 1] as string | null;
          if (theirs !== null && theirs !== local[i]) report.metadataOffers.push({ sha256: sha, title: String(local[0]), field, local: local[i] ?? null, bundle: theirs });
        });
        continue;
      }
      const body = r[11] as string;
      const info = sql(
        db,
        `INSERT INTO source (title, outlet, author, url, published_at, accessed_at, language, reliability, source_type, format,
           body, body_sha256, body_length, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...r.slice(1, 11), body, sha, body.length, t, t);
      sourceIds.set(sha, Number(info.lastInsertRowid));
      report.sourcesAdded++;
    }
    for (const [sha, name] of rows.get('source_tag')! as [string, string][]) {
      sql(db, 'INSERT OR IGNORE INTO source_tag (source_id, tag_id) VALUES (?, ?)').run(sourceIds.get(sha), tagIds.get(name));
    }

    const quoteIds = new Map<string, number>();
    const marker = `— from ${from.signer}, ${from.date}:`;
    for (const r of rows.get('quote')!) {
      const [sha, start, end, exact, prefix, suffix, credibility, note] = r as [string, number, number, string, string, string, number | null, string];
      const sourceId = sourceIds.get(sha)!;
      const local = sql(db, 'SELECT id, note FROM quote WHERE source_id = ? AND start = ? AND "end" = ?').get(sourceId, start, end) as
        | { id: number; note: string }
        | undefined;
      if (local) {
        quoteIds.set(`${sha}:${start}:${end}`, local.id);
        if (note && !local.note.includes(note)) {
          const merged = local.note ? `${local.note}\n\n${marker}\n${note}` : note;
          sql(db, 'UPDATE quote SET note = ?, updated_at = ? WHERE id = ?').run(merged, t, local.id);
          report.notesAdded++;
        }
        continue;
      }
      const info = sql(
        db,
        `INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, credibility, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(sourceId, start, end, exact, prefix, suffix, credibility, note, t, t);
      quoteIds.set(`${sha}:${start}:${end}`, Number(info.lastInsertRowid));
      report.passagesAdded++;
    }
    for (const r of rows.get('quote_tag')!) {
      sql(db, 'INSERT OR IGNORE INTO quote_tag (quote_id, tag_id) VALUES (?, ?)').run(quoteIds.get(`${r[0]}:${r[1]}:${r[2]}`), tagIds.get(r[3] as string));
    }

    for (const b of rows.get('brief')!) {
      const uid = b[0] as string;
      const theirs = briefRowsOf(rows, uid);
      const localId = (sql(db, 'SELECT id FROM brief WHERE uid = ?').get(uid) as { id: number } | undefined)?.id;
      if (localId === undefined) {
        insertBrief(db, theirs, b, { uid, versionOf: b[11] as string | null, title: b[1] as string, t, quoteIds, tagIds, claimUid: (c) => c });
        report.briefsAdded++;
        continue;
      }
      const theirDigest = digestOf(theirs);
      if (digestOf(briefContent(db, localId)) === theirDigest) {
        report.briefsUnchanged++;
        continue;
      }
      const versionUid = derivedUid('version', uid, theirDigest);
      if (sql(db, 'SELECT 1 FROM brief WHERE uid = ?').get(versionUid)) {
        report.briefsUnchanged++;
        continue;
      }
      const suffix = ` (version from ${from.signer}, ${from.date})`;
      const title = `${String(b[1]).slice(0, 500 - suffix.length)}${suffix}`;
      insertBrief(db, theirs, b, { uid: versionUid, versionOf: uid, title, t, quoteIds, tagIds, claimUid: (c) => derivedUid('claim', versionUid, c) });
      report.briefVersionsAdded.push({ title, versionOf: uid });
    }
    return report;
  });
}

function insertBrief(
  db: Database,
  theirs: BundleRows,
  b: Row,
  o: { uid: string; versionOf: string | null; title: string; t: string; quoteIds: Map<string, number>; tagIds: Map<string, number>; claimUid: (c: string) => string },
): void {
  const info = sql(
    db,
    `INSERT INTO brief (uid, title, marking, summary, author, organisation, dissemination, cutoff_date, portion_mark, likelihood_row,
       source_summary, version_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.uid, o.title, ...b.slice(2, 11), o.versionOf, o.t, o.t);
  const briefId = Number(info.lastInsertRowid);
  const claimIds = new Map<string, number>();
  const nextClaim = `(SELECT max((SELECT coalesce(max(id), 0) FROM claim), (SELECT coalesce(max(max_id), 0) FROM retired_id WHERE name = 'claim')) + 1)`;
  const nextCitation = `(SELECT max((SELECT coalesce(max(id), 0) FROM citation), (SELECT coalesce(max(max_id), 0) FROM retired_id WHERE name = 'citation')) + 1)`;
  for (const c of sortByKey(theirs.get('claim')!, 1)) {
    const r = sql(
      db,
      `INSERT INTO claim (id, uid, brief_id, position, text, confidence, likelihood, created_at, updated_at) VALUES (${nextClaim}, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.claimUid(c[0] as string), briefId, c[2], c[3], c[4], c[5], o.t, o.t);
    claimIds.set(c[0] as string, Number(r.lastInsertRowid));
  }
  for (const ci of theirs.get('citation')!) {
    sql(db, `INSERT INTO citation (id, claim_id, quote_id, relation, position, created_at) VALUES (${nextCitation}, ?, ?, ?, ?, ?)`).run(
      claimIds.get(ci[0] as string),
      o.quoteIds.get(`${ci[1]}:${ci[2]}:${ci[3]}`),
      ci[4],
      ci[5],
      o.t,
    );
  }
  for (const ct of theirs.get('claim_tag')!) {
    sql(db, 'INSERT OR IGNORE INTO claim_tag (claim_id, tag_id) VALUES (?, ?)').run(claimIds.get(ct[0] as string), o.tagIds.get(ct[1] as string));
  }
}

