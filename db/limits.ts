// Upper bounds on what a person can type or import. Checked by the contract's schemas and, for the
// body, again by the store; the error says which limit was hit.
export const LIMITS = {
  titleChars: 500,
  shortFieldChars: 300, // outlet, author, language, marking
  urlChars: 2_048,
  bodyChars: 5_000_000, // about 10 MB as UTF-16; a 1,000-page report is ~3 M characters
  noteChars: 10_000,
  claimChars: 10_000,
  summaryChars: 20_000,
  tagNameChars: 64,
  searchChars: 500,
  pageSize: 500,
  quoteContextChars: 32, // prefix / suffix, as the W3C TextQuoteSelector suggests
} as const;
