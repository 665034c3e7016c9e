// Two briefs side by side, claim by claim: typically a brief and the version of it that came back in a
// bundle. Claims are paired by global identity: a version's claims carry uids derived from the claims
// they came from (plan.ts, versionClaimUid), so each claim is traced back, version by version along the
// provenance each bundle records (version_of), to the claim it began as; claims that began as the same
// one are a pair. A version of a version is thus paired with the version it was made from as well as
// with the original.
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { sql } from '../stmt';
import { versionClaimUid } from './plan';
import type { LikelihoodRow } from '../../main/vocabulary';

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
  /** The probability wording the brief uses (ICD 203 row), so each side reads as its own brief does. */
  likelihoodRow: LikelihoodRow;
  createdAt: string;
}

export interface BriefComparison {
  left: BriefSide;
  right: BriefSide;
  rows: ComparedRow[];
  counts: Record<ComparedRow['status'], number>;
  /** Brief fields that differ (bottom line, marking, probability wording). */
  fields: { field: 'summary' | 'marking' | 'likelihoodRow'; left: string; right: string }[];
}

export interface RelatedBrief {
  id: number;
  title: string;
  createdAt: string;
  /**
   * made-from: the brief this one is a version of (its direct predecessor); version: a version made
   * from this one; related: elsewhere in the same line (the original of the original, a sibling…).
   */
  relation: 'made-from' | 'version' | 'related';
}

function side(db: Database, id: number): BriefSide & { versionOf: string | null } {
  const b = sql(db, 'SELECT id, uid, title, summary, marking, likelihood_row AS likelihoodRow, created_at AS createdAt, version_of AS versionOf FROM brief WHERE id = ?').get(id) as
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

/** The brief uids a brief descends from, nearest first, as far back as this library holds them. */
function lineOf(db: Database, uid: string): string[] {
  const line = [uid];
  for (let up = versionOfUid(db, uid); up !== null && !line.includes(up); up = versionOfUid(db, up)) line.push(up);
  return line;
}
const versionOfUid = (db: Database, uid: string): string | null =>
  (sql(db, 'SELECT version_of FROM brief WHERE uid = ?').pluck().get(uid) as string | null | undefined) ?? null;

/** Every brief of a line: its first brief (by uid, whether held here or not) and all versions made from it, at any depth. */
function familyOf(db: Database, rootUid: string): { id: number; uid: string; versionOf: string | null; title: string; createdAt: string }[] {
  return sql(
    db,
    `WITH RECURSIVE family(uid) AS (SELECT ? UNION SELECT b.uid FROM brief b JOIN family f ON b.version_of = f.uid)
     SELECT b.id, b.uid, b.version_of AS versionOf, b.title, b.created_at AS createdAt FROM brief b JOIN family f ON f.uid = b.uid`,
  ).all(rootUid) as { id: number; uid: string; versionOf: string | null; title: string; createdAt: string }[];
}

/**
 * For one brief, each claim uid traced back to the uid it began as: a version's claim is
 * versionClaimUid(version, claim it came from), so along the brief's line each step is undone by
 * looking the uid up among the derivations of every claim uid in the family.
 */
function tracer(db: Database, line: string[], universe: ReadonlySet<string>): (uid: string) => string {
  const steps = line.map((briefUid) => new Map([...universe].map((u) => [versionClaimUid(briefUid, u), u])));
  return (uid) => {
    let u = uid;
    for (const step of steps) u = step.get(u) ?? u;
    return u;
  };
}

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
  const lLine = lineOf(db, left.uid);
  const rLine = lineOf(db, right.uid);
  // Every uid a claim of either brief may descend from: the claims of every brief of both lines.
  const universe = new Set([...lc, ...rc].map((c) => c.uid));
  for (const root of new Set([lLine.at(-1)!, rLine.at(-1)!])) {
    for (const b of familyOf(db, root)) for (const u of sql(db, 'SELECT uid FROM claim WHERE brief_id = ?').pluck().all(b.id) as string[]) universe.add(u);
  }
  const lRoot = tracer(db, lLine, universe);
  const rRoot = tracer(db, rLine, universe);
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
  for (const f of ['summary', 'marking', 'likelihoodRow'] as const) if (left[f] !== right[f]) fields.push({ field: f, left: left[f], right: right[f] });
  const pub = ({ versionOf: _v, ...s }: BriefSide & { versionOf: string | null }): BriefSide => s;
  return { left: pub(left), right: pub(right), rows, counts, fields };
}

/**
 * The briefs of this one's line, to compare with: first the one it was made from, then the versions
 * made from it (newest first), then the rest of the line (newest first).
 */
export function relatedBriefs(db: Database, id: number): RelatedBrief[] {
  const b = side(db, id);
  const line = lineOf(db, b.uid);
  const rank = { 'made-from': 0, version: 1, related: 2 } as const;
  return familyOf(db, line.at(-1)!)
    .filter((o) => o.id !== id)
    .map((o): RelatedBrief => ({
      id: o.id,
      title: o.title,
      createdAt: o.createdAt,
      relation: o.uid === b.versionOf ? 'made-from' : o.versionOf === b.uid ? 'version' : 'related',
    }))
    .sort((x, y) => rank[x.relation] - rank[y.relation] || y.createdAt.localeCompare(x.createdAt) || y.id - x.id);
}
