// Upper bounds on what a person can type or import. The contract's schemas check them, the store
// checks the body again, the renderer's inputs stop typing at them, and the error says which was hit.
export const LIMITS = {
  titleChars: 500,
  shortFieldChars: 300, // outlet, author, marking, the brief's product fields
  languageChars: 35, // a BCP 47 tag such as "zh-Hant-TW", with room for extensions
  portionMarkChars: 20, // "U", "CUI": printed in brackets before each paragraph
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

/**
 * The largest file one import reads. The back end refuses larger files before parsing; the browser
 * refuses them before reading, which saves reading and sending the bytes.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Browser mode's cap on one request body (main/web/http-io.ts): an imported file of up to 50 MB as
 * base64 inside JSON fits, and so does a bundle of up to 70 MB sent raw (POST /upload/bundle). The
 * page checks a picked bundle against it before sending a byte.
 */
export const MAX_REQUEST_BYTES = 70 * 1024 * 1024;
