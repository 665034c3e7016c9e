// Before anything leaves the app, every cited passage is checked again against the store: the
// quote's text must be the slice of its source body it claims to be, and the body must still match
// the SHA-256 taken at import. The store's triggers already forbid changing either; this check is
// what lets the exported file say so, even if the file was edited by other tools.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { briefLookup } from '../../db/briefs';
import type { BriefFull } from '../../db/model';
import { sourceTexts } from '../../db/sources';
import type { ExportCheck } from '../contract/export';
import { tradecraftCheck } from './tradecraft-check';
import { readStructured, unsupportedAssumptionFindings } from './structured';

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * Checks every citation of a brief read a moment ago in the same synchronous turn, so its passages
 * are the stored ones: each must be the slice of its source's body it claims to be, and that body
 * must still match its SHA-256.
 */
export function checkBrief(db: Database, brief: BriefFull): ExportCheck {
  const cite = briefLookup(brief);
  const sources = sourceTexts(db, [...new Set(brief.quotes.map((q) => q.sourceId))]);
  // A body is hashed once however many passages it gives.
  const bodyIntact = new Map<number, boolean>();
  const intact = (s: { id: number; body: string; bodySha256: string }) => {
    let ok = bodyIntact.get(s.id);
    if (ok === undefined) {
      ok = sha256Hex(s.body) === s.bodySha256;
      bodyIntact.set(s.id, ok);
    }
    return ok;
  };

  const check: ExportCheck = { uncitedClaims: [], problems: [], ...tradecraftCheck(brief), assumptions: unsupportedAssumptionFindings(db, brief) };
  // A claim citing the analysis's ranking rests on evidence too: the matrix, printed in the annex.
  const onAnalysis = new Set(readStructured(db, brief.id).citingClaimIds);
  for (const claim of brief.claims) {
    if (claim.citations.length === 0 && !onAnalysis.has(claim.id)) check.uncitedClaims.push({ claimId: claim.id, number: claim.number, text: claim.text });
    for (const c of claim.citations) {
      const passage = cite.quote(c);
      const source = sources.get(passage.sourceId);
      const problem = (reason: string) =>
        check.problems.push({
          claimId: claim.id,
          claimNumber: claim.number,
          citationNumber: c.number,
          quoteId: c.quoteId,
          sourceTitle: source?.title ?? cite.source(c).title,
          reason,
        });
      if (!source) {
        problem('The cited passage or its source is no longer in the library.');
      } else if (!intact(source)) {
        problem(`The text of “${source.title}” no longer matches the SHA-256 fingerprint taken when it was imported; it was changed outside Sourcemark.`);
      } else if (source.body.slice(passage.start, passage.end) !== passage.exact) {
        problem(`The quoted words are not the source text at characters ${passage.start}–${passage.end} of “${source.title}”.`);
      }
    }
  }
  return check;
}

/** One sentence naming every failed passage, for the EXPORT_UNFAITHFUL error. */
export function describeProblems(problems: ExportCheck['problems']): string {
  const items = problems.map((p) => `claim ${p.claimNumber}, citation [${p.citationNumber}] from “${p.sourceTitle}”: ${p.reason}`);
  return `The export was stopped because ${problems.length === 1 ? 'a cited passage does' : `${problems.length} cited passages do`} not match the stored source text — ${items.join(' ')}`;
}

export function describeUncited(uncited: ExportCheck['uncitedClaims']): string {
  const numbers = uncited.map((u) => u.number).join(', ');
  return `${uncited.length === 1 ? `Claim ${numbers} cites` : `Claims ${numbers} cite`} no passage. Add a citation, or export anyway.`;
}
