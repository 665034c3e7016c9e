// The print view's look. Margins live in the print options, not in @page: Chromium drops the header
// and footer templates when @page sets them. No hyphenation, so a quote reads back exactly as stored.
import { PRINT_FONT_STACK } from './fonts';

export const PRINT_CSS = `
/* See fontLoadLine: on screen only the line of characters is laid out, in print everything but it.
   content-visibility rather than display: Chromium switches between screen and print media more than
   once per print, and a skipped subtree keeps its boxes where display: none would rebuild them. */
@media screen { body > :not(.font-load) { content-visibility: hidden; } }
@media print { .font-load { display: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${PRINT_FONT_STACK}; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0;
  hyphens: manual; overflow-wrap: anywhere; }
h1 { font-size: 20pt; line-height: 1.2; margin: 10pt 0 4pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #333; break-after: avoid; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
a { color: #0b4f8a; text-decoration: none; }
.byline { color: #333; font-size: 9.5pt; }
/* The cover block: title and product lines in a ruled box on page 1; the marking is in the page header. */
.cover { border-top: 2pt solid #111; border-bottom: 0.75pt solid #111; padding: 2pt 0 6pt; margin: 0 0 6pt; }
.product { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0 0; font-size: 9.5pt; }
.product > div { display: contents; }
.product dt { font-weight: 700; color: #333; }
.product dd { margin: 0; }
.source-summary { font-size: 10pt; white-space: pre-wrap; }
.judgment { font-size: 8.5pt; color: #333; margin: 1pt 0 0; white-space: normal; }
.summary { font-size: 11pt; white-space: pre-wrap; border-inline-start: 3pt solid #333; padding-block: 4pt; padding-inline: 8pt 0; }
.claims { padding: 0 0 0 2.4em; margin: 0; }
.claims > li { margin: 0 0 7pt; white-space: pre-wrap; break-inside: avoid; }
.claims > li::marker { font-weight: 700; }
.claims a { font-size: 7.5pt; line-height: 0; vertical-align: super; margin-left: 1pt; }
.uncited { font-size: 8.5pt; color: #8a1c1c; margin-top: 1pt; }
.annex-claim { color: #444; font-size: 9.5pt; margin: -2pt 0 5pt; white-space: pre-wrap; break-after: avoid; }
/* A citation is three blocks (head, passage, source line) that stay on one page where they fit. */
.ev-head { margin: 0 0 2pt; font-size: 9.5pt; break-after: avoid; }
.ev-head b.contradicts { color: #8a1c1c; }
/* Logical borders: an Arabic quote (dir=auto resolves to rtl) gets its rule on the right. */
blockquote { margin: 0 0 3pt; padding: 3pt 8pt; border-inline-start: 3pt solid #2f6f3e; background: #f4f6f4;
  white-space: pre-wrap; break-inside: avoid; break-after: avoid; }
blockquote.contradicts { border-inline-start-color: #8a1c1c; background: #fbf2f2; }
blockquote.context { border-inline-start-color: #777; background: #f5f5f5; }
.ev-again { font-size: 9pt; color: #333; margin: 0 0 9pt; padding-left: 8pt; }
.ev-source { font-size: 8.5pt; color: #333; margin: 0 0 9pt; }
.sources { padding-left: 1.6em; margin: 0; }
.sources li { margin: 0 0 6pt; font-size: 9pt; break-inside: avoid; }
.hash { font-size: 7.5pt; color: #555; overflow-wrap: anywhere; }
.note { font-size: 8.5pt; color: #444; }
`;
