// How a refusal names the claims that cite a passage: the analyst must be able to find each one.
import type { CitingClaim } from '../../db/model';
import { clip } from '../vocabulary';

const SHOWN = 5;

function oneClaim(c: CitingClaim): string {
  // Its first 40 characters, and the ellipsis where it goes on.
  const start = clip(c.claimText, 41);
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
