// The Admiralty (NATO STANAG 2511) grading of a source's reliability and its information's
// credibility, with the standard words for each grade. Forms, exports and the tradecraft checks
// all print a grade through reliabilityLabel / credibilityLabel, so the wording is the same everywhere.

/** Admiralty (NATO) source reliability. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
/** Reliabilities that do not carry a judgment on their own. */
export const WEAK_RELIABILITIES: readonly Reliability[] = ['D', 'E', 'F'];

/** Admiralty (NATO) information credibility. */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];
export const CREDIBILITY_WORDS: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};
export const WEAK_CREDIBILITIES: readonly Credibility[] = [4, 5, 6];


/** "B — usually reliable": a reliability grade with its standard words. */
export function reliabilityLabel(r: Reliability): string {
  return `${r} — ${RELIABILITY_WORDS[r]}`;
}

/** "2 — probably true": a credibility grade with its standard words. */
export function credibilityLabel(c: Credibility): string {
  return `${c} — ${CREDIBILITY_WORDS[c]}`;
}
