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
import { nextId } from '../order';
import { sourceIdBySha, updateSourceMeta } from '../sources';
import { now, sql, write } from '../stmt';
import { casefold } from '../text';
import type { BundleRows } from './collect';
import { briefRowsOf, decideBrief, offersFor, versionClaimUid, type MetadataOffer, type SourceField } from './plan';
import type { Row } from './format';
import { sortByKey } from './write';

export interface MergeReport {
  sourcesAdded: number;
  passagesAdded: number;
  notesAdded: number;
  briefsAdded: number;
  /** Each version imported beside a local brief: its id and title, and the local brief's id. */
  briefVersionsAdded: { id: number; title: string; versionOf: string; localId: number }[];
  briefsUnchanged: number;
  tagsAdded: number;
  /** Differing details left as they were, offered to the analyst. */
  metadataOffers: MetadataOffer[];
  /** Details taken from the bundle because the analyst chose them in the review. */
  metadataTaken: number;
}

/** A field of a known source the analyst chose to take from the bundle, with its checked value. */
export interface TakenField {
  sha256: string;
  field: SourceField;
}

/**
 * `take` names the offered fields the analyst chose to take; `check` turns each into a validated patch
 * value (the bundle's text is whatever its signer wrote) or throws, which rolls the whole import back.
 */
export function mergeBundle(
  db: Database,
  rows: BundleRows,
  from: { signer: string; date: string },
  take: { fields: TakenField[]; check(field: SourceField, value: string | null): unknown } = { fields: [], check: (_f, v) => v },
): MergeReport {
  const report: MergeReport = {
    sourcesAdded: 0,
    passagesAdded: 0,
    notesAdded: 0,
    briefsAdded: 0,
    briefVersionsAdded: [],
    briefsUnchanged: 0,
    tagsAdded: 0,
    metadataOffers: [],
    metadataTaken: 0,
  };
  const taking = new Map<string, Set<string>>();
  for (const t of take.fields) taking.set(t.sha256, (taking.get(t.sha256) ?? new Set()).add(t.field));
  return write(db, () => {
    const t = now();
    const tagIds = new Map<string, number>();
    const localTags = new Map((sql(db, 'SELECT id, name FROM tag').all() as { id: number; name: string }[]).map((r) => [casefold(r.name), r.id]));
    for (const [name, colour] of rows.get('tag')! as [string, string][]) {
      let id = localTags.get(casefold(name));
      if (id === undefined) {
        id = Number(sql(db, 'INSERT INTO tag (name, name_folded, colour, created_at) VALUES (?, ?, ?, ?)').run(name, casefold(name), colour, t).lastInsertRowid);
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
        const chosen = taking.get(sha);
        const patch: Record<string, unknown> = {};
        for (const offer of offersFor(db, existing, r)) {
          if (chosen?.has(offer.field)) patch[offer.field] = take.check(offer.field, offer.bundle);
          else report.metadataOffers.push(offer);
        }
        if (Object.keys(patch).length) {
          updateSourceMeta(db, existing, patch);
          report.metadataTaken += Object.keys(patch).length;
        }
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
      if (!sql(db, 'SELECT 1 FROM brief WHERE uid = ?').get(uid)) {
        insertBrief(db, theirs, b, { uid, versionOf: b[11] as string | null, title: b[1] as string, t, quoteIds, tagIds, claimUid: (c) => c });
        report.briefsAdded++;
        continue;
      }
      const decision = decideBrief(db, rows, uid);
      if (decision.fate !== 'version' || decision.versionExists) {
        report.briefsUnchanged++;
        continue;
      }
      const versionUid = decision.versionUid;
      const suffix = ` (version from ${from.signer}, ${from.date})`;
      const title = `${String(b[1]).slice(0, 500 - suffix.length)}${suffix}`;
      const id = insertBrief(db, theirs, b, { uid: versionUid, versionOf: uid, title, t, quoteIds, tagIds, claimUid: (c) => versionClaimUid(versionUid, c) });
      report.briefVersionsAdded.push({ id, title, versionOf: uid, localId: decision.localId });
    }
    return report;
  });
}

function insertBrief(
  db: Database,
  theirs: BundleRows,
  b: Row,
  o: { uid: string; versionOf: string | null; title: string; t: string; quoteIds: Map<string, number>; tagIds: Map<string, number>; claimUid: (c: string) => string },
): number {
  const info = sql(
    db,
    `INSERT INTO brief (uid, title, marking, summary, author, organisation, dissemination, cutoff_date, portion_mark, likelihood_row,
       source_summary, version_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.uid, o.title, ...b.slice(2, 11), o.versionOf, o.t, o.t);
  const briefId = Number(info.lastInsertRowid);
  const claimIds = new Map<string, number>();
  for (const c of sortByKey(theirs.get('claim')!, 1)) {
    const r = sql(
      db,
      `INSERT INTO claim (id, uid, brief_id, position, text, confidence, likelihood, created_at, updated_at) VALUES (${nextId('claim')}, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.claimUid(c[0] as string), briefId, c[2], c[3], c[4], c[5], o.t, o.t);
    claimIds.set(c[0] as string, Number(r.lastInsertRowid));
  }
  for (const ci of theirs.get('citation')!) {
    sql(db, `INSERT INTO citation (id, claim_id, quote_id, relation, position, created_at) VALUES (${nextId('citation')}, ?, ?, ?, ?, ?)`).run(
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
  return briefId;
}

