// What importing a verified bundle would do, read without writing: which sources and passages are
// new, which sources differ in their details (offered field by field, never written unasked), which
// briefs are new, unchanged, or arrive beside a local one as a version. The review dialog shows this
// before the analyst confirms; mergeBundle (merge.ts) follows the same decisions.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { sourceIdBySha } from '../sources';
import { sql } from '../stmt';
import { casefold } from '../text';
import { briefContent, type BundleRows } from './collect';
import { digestOf } from './write';
import { SOURCE_DETAILS, type SourceDetail } from '../../main/vocabulary';

/** A source's details, in the bundle's column order after the hash (the same order as SOURCE_COLUMNS). */
export const SOURCE_FIELDS = SOURCE_DETAILS;
export type SourceField = SourceDetail;
const SOURCE_COLUMNS = 'title, outlet, author, url, published_at, accessed_at, language, reliability, source_type';

export interface MetadataOffer {
  sourceId: number;
  sha256: string;
  /** The local title, so the analyst recognises the source. */
  title: string;
  field: SourceField;
  local: string | null;
  bundle: string | null;
}

export type BriefFate = 'new' | 'unchanged' | 'version';

export interface MergePlan {
  sourcesNew: { sha256: string; title: string }[];
  sourcesKnown: number;
  passagesNew: number;
  passagesKnown: number;
  /** Passages whose bundle note the local note does not hold yet: it is added below it. */
  notesToAdd: number;
  tagsNew: string[];
  briefs: { uid: string; title: string; fate: BriefFate; claims: number; localTitle: string | null }[];
  metadataOffers: MetadataOffer[];
}

/** A UUID-shaped id derived from text, so the same input always names the same object. */
export function derivedUid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex');
  return `${h.slice(0, 9)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A version's claims: each keeps the uid of the claim it came from, derived under the version's uid. */
export const versionClaimUid = (versionUid: string, claimUid: string): string => derivedUid('claim', versionUid, claimUid);

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

/** The local details of a source the bundle also holds, against the bundle's: one offer per field that differs. */
export function offersFor(db: Database, sourceId: number, bundleRow: readonly unknown[]): MetadataOffer[] {
  const local = sql(db, `SELECT ${SOURCE_COLUMNS} FROM source WHERE id = ?`).raw().get(sourceId) as (string | null)[];
  const offers: MetadataOffer[] = [];
  SOURCE_FIELDS.forEach((field, i) => {
    const theirs = (bundleRow[i + 1] ?? null) as string | null;
    // A field the bundle leaves empty is no offer: taking it would only erase what the analyst wrote.
    if (theirs !== null && theirs !== local[i]) offers.push({ sourceId, sha256: String(bundleRow[0]), title: String(local[0]), field, local: local[i] ?? null, bundle: theirs });
  });
  return offers;
}

export type BriefDecision = { fate: 'new' } | { fate: 'unchanged'; localId: number } | { fate: 'version'; localId: number; versionUid: string; versionExists: boolean };

export function decideBrief(db: Database, rows: BundleRows, uid: string): BriefDecision {
  const localId = (sql(db, 'SELECT id FROM brief WHERE uid = ?').get(uid) as { id: number } | undefined)?.id;
  if (localId === undefined) return { fate: 'new' };
  const theirDigest = digestOf(briefRowsOf(rows, uid));
  if (digestOf(briefContent(db, localId)) === theirDigest) return { fate: 'unchanged', localId };
  const versionUid = derivedUid('version', uid, theirDigest);
  return { fate: 'version', localId, versionUid, versionExists: Boolean(sql(db, 'SELECT 1 FROM brief WHERE uid = ?').get(versionUid)) };
}

export function planMerge(db: Database, rows: BundleRows): MergePlan {
  const plan: MergePlan = { sourcesNew: [], sourcesKnown: 0, passagesNew: 0, passagesKnown: 0, notesToAdd: 0, tagsNew: [], briefs: [], metadataOffers: [] };
  const localTags = new Set((sql(db, 'SELECT name FROM tag').pluck().all() as string[]).map(casefold));
  for (const [name] of rows.get('tag')! as [string][]) if (!localTags.has(casefold(name))) plan.tagsNew.push(name);
  const sourceIds = new Map<string, number>();
  for (const r of rows.get('source')!) {
    const id = sourceIdBySha(db, r[0] as string);
    if (id === undefined) plan.sourcesNew.push({ sha256: r[0] as string, title: String(r[1]) });
    else {
      sourceIds.set(r[0] as string, id);
      plan.sourcesKnown++;
      plan.metadataOffers.push(...offersFor(db, id, r));
    }
  }
  for (const [sha, start, end, , , , , note] of rows.get('quote')!) {
    const sourceId = sourceIds.get(sha as string);
    const local =
      sourceId === undefined ? undefined : (sql(db, 'SELECT note FROM quote WHERE source_id = ? AND start = ? AND "end" = ?').get(sourceId, start, end) as { note: string } | undefined);
    if (!local) plan.passagesNew++;
    else {
      plan.passagesKnown++;
      if (note && !local.note.includes(String(note))) plan.notesToAdd++;
    }
  }
  for (const b of rows.get('brief')!) {
    const uid = b[0] as string;
    const d = decideBrief(db, rows, uid);
    const claims = rows.get('claim')!.filter((c) => c[1] === uid).length;
    const localTitle = d.fate === 'new' ? null : (sql(db, 'SELECT title FROM brief WHERE id = ?').pluck().get(d.localId) as string);
    const fate: BriefFate = d.fate === 'version' && d.versionExists ? 'unchanged' : d.fate;
    plan.briefs.push({ uid, title: String(b[1]), fate, claims, localTitle });
  }
  return plan;
}
