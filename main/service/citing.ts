// How a refusal names the claims that cite a passage: the analyst must be able to find each one.
import type { CitingClaim } from '../../db/model';

const SHOWN = 5;

function oneClaim(c: CitingClaim): string {
  const start = c.claimText.length > 40 ? `${c.claimText.slice(0, 40).trimEnd()}…` : c.claimText;
  return `"${c.briefTitle}", claim ${c.claimNumber} ("${start}")`;
}

export function describeCitingClaims(citing: CitingClaim[]): string {
  const unique = [...new Map(citing.map((c) => [c.claimId, c])).values()];
  const named = unique.slice(0, SHOWN).map(oneClaim).join('; ');
  const more = unique.length > SHOWN ? `; and ${unique.length - SHOWN} more` : '';
  return `${named}${more}`;
}

export function citingDetails(citing: CitingClaim[]) {
  return { citingClaims: citing };
}
