// Two briefs side by side, claim by claim: typically a brief and the version of it that came back in a
// bundle. Claims are paired by global identity: a version's claims carry uids derived from the claims
// they came from (plan.ts, versionClaimUid), so each claim is traced to its root uid before pairing.
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { sql } from '../stmt';
import { versionClaimUid } from './plan';

export interface ComparedCitation {
  /** Source hash and range: the passage's global identity. */
  key: string;
  sourceTitle: string;
  exact: string;
  relation: string;
}

export interface ComparedClaim {
  number: number;
  text: string;
  confidence: string | null;
  likelihood: string | null;
  citations: ComparedCitation[];
}

export type ClaimChange = 'text' | 'confidence' | 'likelihood' | 'citations';

export interface ComparedRow {
  status: 'same' | 'changed' | 'added' | 'removed';
  left: ComparedClaim | null;
  right: ComparedClaim | null;
  changes: ClaimChange[];
  citationsAdded: ComparedCitation[];
  citationsRemoved: ComparedCitation[];
  /** Cited on both sides with a different relation: the right side's citation. */
  relationsChanged: { citation: ComparedCitation; was: string }[];
}

export interface BriefSide {
  id: number;
  uid: string;
  title: string;
  summary: string;
  marking: string;
  createdAt: string;
}

export interface BriefComparison {
  left: BriefSide;
  right: BriefSide;
  rows: ComparedRow[];
  counts: Record<ComparedRow['status'], number>;
  /** Brief fields that differ (bottom line, marking). */
  fields: { field: 'summary' | 'marking'; left: string; right: string }[];
}

export interface RelatedBrief {
  id: number;
  title: string;
  createdAt: string;
  relation: 'original' | 'version';
}

function side(db: Database, id: number): BriefSide & { versionOf: string | null } {
  const b = sql(db, 'SELECT id, uid, title, summary, marking, created_at AS createdAt, version_of AS versionOf FROM brief WHERE id = ?').get(id) as
    | (BriefSide & { versionOf: string | null })
    | undefined;
  if (!b) throw new AppError('NOT_FOUND', `Brief ${id} does not exist.`);
  return b;
}

interface ClaimRowFull extends ComparedClaim {
  uid: string;
}

function claimsOf(db: Database, briefId: number): ClaimRowFull[] {
  const claims = sql(db, 'SELECT id, uid, text, confidence, likelihood FROM claim WHERE brief_id = ? ORDER BY position, id').all(briefId) as {
    id: number;
    uid: string;
    text: string;
    confidence: string | null;
    likelihood: string | null;
  }[];
  const cites = sql(
    db,
    `SELECT ci.claim_id AS claimId, s.body_sha256 || ':' || q.start || ':' || q."end" AS key, s.title AS sourceTitle, q.exact, ci.relation
       FROM citation ci JOIN claim c ON c.id = ci.claim_id JOIN quote q ON q.id = ci.quote_id JOIN source s ON s.id = q.source_id
      WHERE c.brief_id = ? ORDER BY ci.position, ci.id`,
  ).all(briefId) as (ComparedCitation & { claimId: number })[];
  const byClaim = new Map<number, ComparedCitation[]>();
  for (const { claimId, ...c } of cites) byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), c]);
  return claims.map((c, i) => ({ uid: c.uid, number: i + 1, text: c.text, confidence: c.confidence, likelihood: c.likelihood, citations: byClaim.get(c.id) ?? [] }));
}

const uidsOfBrief = (db: Database, uid: string | null): string[] =>
  uid ? (sql(db, 'SELECT c.uid FROM claim c JOIN brief b ON b.id = c.brief_id WHERE b.uid = ?').pluck().all(uid) as string[]) : [];

function diffClaims(l: ComparedClaim, r: ComparedClaim): Omit<ComparedRow, 'status' | 'left' | 'right'> {
  const changes: ClaimChange[] = [];
  if (l.text !== r.text) changes.push('text');
  if (l.confidence !== r.confidence) changes.push('confidence');
  if (l.likelihood !== r.likelihood) changes.push('likelihood');
  const lk = new Map(l.citations.map((c) => [c.key, c]));
  const rk = new Map(r.citations.map((c) => [c.key, c]));
  const citationsAdded = r.citations.filter((c) => !lk.has(c.key));
  const citationsRemoved = l.citations.filter((c) => !rk.has(c.key));
  const relationsChanged = r.citations.filter((c) => lk.has(c.key) && lk.get(c.key)!.relation !== c.relation).map((c) => ({ citation: c, was: lk.get(c.key)!.relation }));
  if (citationsAdded.length || citationsRemoved.length || relationsChanged.length) changes.push('citations');
  return { changes, citationsAdded, citationsRemoved, relationsChanged };
}

export function compareBriefs(db: Database, leftId: number, rightId: number): BriefComparison {
  const left = side(db, leftId);
  const right = side(db, rightId);
  const lc = claimsOf(db, leftId);
  const rc = claimsOf(db, rightId);
  // Every uid a claim of either brief may descend from: their own, and their originals' claims.
  const universe = new Set([...lc, ...rc].map((c) => c.uid));
  for (const u of [...uidsOfBrief(db, left.versionOf), ...uidsOfBrief(db, right.versionOf)]) universe.add(u);
  const rootOf = (briefUid: string) => {
    const back = new Map([...universe].map((u) => [versionClaimUid(briefUid, u), u]));
    return (uid: string) => back.get(uid) ?? uid;
  };
  const lRoot = rootOf(left.uid);
  const rRoot = rootOf(right.uid);
  const leftByRoot = new Map(lc.map((c) => [lRoot(c.uid), c]));
  const pairOf = new Map<ClaimRowFull, ClaimRowFull>();
  for (const r of rc) {
    const l = leftByRoot.get(rRoot(r.uid));
    if (l && ![...pairOf.values()].includes(l)) pairOf.set(r, l);
  }
  const pairedLeft = new Set(pairOf.values());
  const empty = { changes: [], citationsAdded: [], citationsRemoved: [], relationsChanged: [] };
  const strip = ({ uid: _uid, ...c }: ClaimRowFull): ComparedClaim => c;
  const rows: ComparedRow[] = [];
  let next = 0;
  // A removed claim is shown where it stood: before the first pair whose left claim came after it.
  const removedBefore = (end: number) => {
    for (; next < end; next++) if (!pairedLeft.has(lc[next]!)) rows.push({ status: 'removed', left: strip(lc[next]!), right: null, ...empty });
  };
  for (const r of rc) {
    const l = pairOf.get(r);
    if (!l) {
      rows.push({ status: 'added', left: null, right: strip(r), ...empty });
      continue;
    }
    removedBefore(Math.max(next, lc.indexOf(l)));
    const d = diffClaims(l, r);
    rows.push({ status: d.changes.length ? 'changed' : 'same', left: strip(l), right: strip(r), ...d });
  }
  removedBefore(lc.length);
  const counts = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.status]++;
  const fields: BriefComparison['fields'] = [];
  for (const f of ['summary', 'marking'] as const) if (left[f] !== right[f]) fields.push({ field: f, left: left[f], right: right[f] });
  const pub = ({ versionOf: _v, ...s }: BriefSide & { versionOf: string | null }): BriefSide => s;
  return { left: pub(left), right: pub(right), rows, counts, fields };
}

/** The brief this one is a version of, and the versions of either, newest first. */
export function relatedBriefs(db: Database, id: number): RelatedBrief[] {
  const b = side(db, id);
  const root = b.versionOf ?? b.uid;
  return sql(
    db,
    `SELECT id, title, created_at AS createdAt, CASE WHEN uid = ? THEN 'original' ELSE 'version' END AS relation
       FROM brief WHERE (uid = ? OR version_of = ?) AND id <> ? ORDER BY relation = 'version', created_at DESC, id DESC`,
  ).all(root, root, root, id) as RelatedBrief[];
}
