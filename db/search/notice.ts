// Search reads every word as text to find, never as an operator (a person's query is not FTS5
// syntax). Someone used to search engines types NEAR(…), word*, AND/OR/NOT, -word or title:word and
// would otherwise get nothing, or odd hits, with no word of why; this says what happens instead.

interface Rule {
  test: RegExp;
  advice: string;
}

const RULES: Rule[] = [
  { test: /\bNEAR\s*\(/, advice: 'NEAR( ) is not read: type the words, and every one of them must appear.' },
  { test: /\p{L}\*|\*(?=\s|$)/u, advice: 'A * is looked for as a character: leave it out, since a word already finds longer words that contain it (exerc finds exercise).' },
  { test: /(^|\s)(AND|OR|NOT)(\s|$)/, advice: 'AND, OR and NOT are looked for as words: every word you type must appear, so leave AND out; for either of two words, search for each.' },
  { test: /(^|\s)-\p{L}/u, advice: 'A leading - does not leave a word out: it is looked for as typed.' },
  { test: /(^|\s)\p{L}+:\S/u, advice: 'field:word is looked for as typed; search for the word alone.' },
  { test: /[()]/, advice: 'Brackets are looked for as characters: leave them out.' },
];

/** What to tell the analyst about search syntax in `query`, or null when it has none. */
export function searchNotice(query: string): string | null {
  const advice = RULES.filter((r) => r.test.test(query)).map((r) => r.advice);
  if (advice.length === 0) return null;
  // Brackets are covered by the NEAR advice when NEAR( is what brought them.
  const shown = advice.length > 1 && /\bNEAR\s*\(/.test(query) ? advice.filter((a) => !a.startsWith('Brackets')) : advice;
  return `Words are matched as typed, including other forms of a word (Турция finds Турцию); search operators are not. ${shown.join(' ')} Put a phrase in "double quotes" to find it whole.`;
}
