// The print view of a brief: one self-contained HTML document (no scripts, styles and fonts inline)
// that Chromium turns into the PDF, in Electron and in browser mode alike. Pure: the same brief and
// export time give the same document.
import { briefLookup } from '../../db/briefs';
import type { BriefFull, ClaimInBrief, SourceMeta } from '../../db/model';
import type { PrintOptions } from '../ports';
import { codePoints, facesFor, fontFaceCss, PRINT_FONT_STACK } from './fonts';
import { dirAuto, escapeHtml as esc, isolated, isWebUrl, langAttr } from './html';
import { descriptorWithPages, firstUse, openingWords, passageUses, usesText, withEvidence, type BriefWithEvidence, type CitationWithEvidence, type PassageUse } from './passages';
import { PRINT_CSS } from './print-style';
import { credibilityText, RELATION_WORDS } from './words';
import { endnoteParts, sourceDescriptor } from '../tradecraft/endnotes';
import { EVIDENCE_FILE_NAME } from './evidence-file';
import { coverLines, DRAFTED_NOTE, evidenceLine, judgmentText, portionPrefix, sourceSummaryOf } from './template';
import { ACH_PRINT_CSS, achAnnexHtml, keyAssumptionsHtml } from './analysis-print';
import { NO_ANALYSIS, printableAch, type StructuredAnalysis } from './structured';
import { matrixText, rankingSentence } from '../tradecraft/ach-text';

export interface PrintViewOptions {
  /** ISO timestamp printed as the export time. */
  exportedAt: string;
  /** @font-face rules to embed; see printFontCss. */
  fontCss: string;
  /** The ACH matrix and the Key Assumptions Check, printed when the brief has them. */
  structured?: StructuredAnalysis;
}

/** Labels the layout prints in bold (headings): their characters need the bold faces. */
const BOLD_LABELS =
  'Bottom line Source summary statement Claims Evidence annex Source reference citations Claim Source Page of 0123456789.[]—: Key assumptions check Annex analysis of competing hypotheses Ranking Question Inconsistency score H E A # Status What would make it wrong Relevance Diag.';

/** The text the document draws, split by weight, so only the needed font subsets are embedded. */
export function printTexts(brief: BriefFull, structured: StructuredAnalysis = NO_ANALYSIS): { regular: string; bold: string } {
  const cite = briefLookup(brief);
  const cover = coverLines(brief, brief.updatedAt);
  const bold = [BOLD_LABELS, brief.title, brief.marking, ...Object.values(RELATION_WORDS), ...cover.map((l) => l.label)];
  const regular = [brief.title, brief.marking, brief.portionMark, brief.summary, sourceSummaryOf(brief)?.text ?? '', DRAFTED_NOTE, ...cover.map((l) => l.value)];
  for (const claim of brief.claims) {
    regular.push(claim.text);
    for (const c of claim.citations) regular.push(cite.quote(c).exact);
  }
  for (const s of brief.sources) {
    regular.push(endnoteParts(s).map((p) => p.text).join(' '), sourceDescriptor(s));
  }
  for (const k of structured.assumptions) regular.push(k.text, k.note);
  const ach = printableAch(structured);
  if (ach) {
    const m = matrixText(ach);
    regular.push(m.question, m.sensitivity, m.weighting, rankingSentence(ach), ...m.hypotheses.map((h) => h.text), ...m.rows.flatMap((r) => [r.text, r.source, r.flags.join(', ')]));
    bold.push(m.hypotheses.map((h) => h.label).join(' '), 'CC C N I II');
  }
  // Fixed wording of the layout (labels, Admiralty words) is Latin; one sample covers it.
  regular.push('Published accessed Reliability credibility Cited by claim as The passage quoted in full at Likelihood Confidence Evidence (55–80%) — “” ·');
  return { regular: regular.join('\n'), bold: bold.join('\n') };
}

/**
 * One line of every character the document draws, by weight: on screen the print view shows only
 * this line (see PRINT_CSS). Laying it out makes Chromium load every embedded face the print will use,
 * before printing starts, without laying out the whole brief at window width first: that layout is
 * thrown away when printing lays the brief out at page width, and each face that finished loading
 * during it made Chromium lay the brief out again.
 */
export function fontLoadLine(brief: BriefFull, structured: StructuredAnalysis = NO_ANALYSIS): string {
  const { regular, bold } = printTexts(brief, structured);
  const once = (text: string) =>
    esc(
      [...codePoints(text)]
        .filter((cp) => cp > 0x20 && !(cp >= 0x7f && cp <= 0x9f))
        .map((cp) => String.fromCodePoint(cp))
        .join(''),
    );
  return `<p class="font-load" aria-hidden="true">${once(regular)} <b>${once(bold)}</b></p>`;
}

export function printFontCss(brief: BriefFull, structured: StructuredAnalysis = NO_ANALYSIS): string {
  const { regular, bold } = printTexts(brief, structured);
  return fontFaceCss(facesFor(regular, bold));
}

// Few elements per claim and per citation: Chromium builds a tagged-PDF structure element for each
// one, and a link annotation for each link, so markup, not text, is what a long brief pays for.
function claimHtml(claim: ClaimInBrief, brief: BriefFull, achLine: string | null): string {
  // One link per claim, to its evidence in the annex, where its citations are listed together: a
  // link per marker costs a PDF annotation and structure element each and leads to the same place.
  const numbers = claim.citations.map((c) => `[${c.number}]`).join('');
  const markers = numbers ? `<a href="#evidence-${claim.number}">${numbers}</a>` : '';
  const judgment = judgmentText(claim, brief);
  // Likelihood and confidence go on their own line, apart from the claim's sentences (ICD 203).
  return `<li value="${claim.number}">${esc(portionPrefix(brief))}${isolated(claim.text)}${markers}<p class="judgment">${
    judgment ? `${esc(judgment)} · ` : ''
  }${esc(evidenceLine(claim, brief))}</p>${achLine ? `<p class="judgment">${esc(achLine)}</p>` : ''}${
    claim.citations.length || achLine ? '' : '<p class="uncited">This claim cites no passage.</p>'
  }</li>`;
}

/**
 * A source's endnote in ICD 206 order (author, title, outlet, publication date, type, URL, accessed).
 * Titles are not bold: bold Chinese or Arabic would embed a second set of font subsets. The URL is a
 * link only where `link` is set: each link is a PDF annotation, so the list of sources links it once
 * per source and the annex, once per citation, leaves it as text (PDF readers still recognise it).
 */
function endnoteHtml(s: SourceMeta, link: boolean): string {
  return `${endnoteParts(s)
    .map((p) => (p.field === 'url' && link && isWebUrl(p.text) ? `<a href="${esc(p.text)}">${esc(p.text)}</a>` : isolated(p.text)))
    .join(', ')}.`;
}

/**
 * One citation: number, relation and source on one line, the passage, then dates, ratings and URL on
 * one line, kept together by break rules rather than a wrapping element. The URL is text here (PDF
 * readers still recognise it); the list of sources links it once per source, not once per citation.
 * A passage cited again (by this or another claim) is printed only where it is first cited; there,
 * a line lists every claim citing it, and later citations name it and point back.
 */
function evidenceHtml(c: CitationWithEvidence, uses: Map<number, PassageUse[]>): string {
  const s = c.source;
  const first = firstUse(uses, c);
  const head = `<p class="ev-head"><b class="${c.relation}">[${c.number}] ${RELATION_WORDS[c.relation]}</b> · ${esc(descriptorWithPages(sourceDescriptor(s), c.quote))}</p>`;
  if (first.number !== c.number) {
    return `${head}
<p class="ev-again">The passage quoted in full at [${first.number}] (claim ${first.claimNumber}): “<span${dirAuto(c.quote.exact)}${langAttr(s.language)}>${esc(
      openingWords(c.quote.exact),
    )}</span>”</p>`;
  }
  const all = uses.get(c.quoteId) ?? [];
  return `${head}
<blockquote class="${c.relation}"${dirAuto(c.quote.exact)}${langAttr(s.language)}>${esc(c.quote.exact)}</blockquote>
<p class="ev-source">${endnoteHtml(s, false)} · Passage credibility ${esc(credibilityText(c.quote.credibility))}${
    all.length > 1 ? `<br>Cited by ${esc(usesText(all, (n) => `[${n}]`))}.` : ''
  }</p>`;
}

function annexHtml(brief: BriefWithEvidence): string {
  const uses = passageUses(brief);
  const parts = brief.claims
    .filter((claim) => claim.citations.length > 0)
    // The claim is repeated above its evidence, so a reader checks it without turning back.
    .map(
      (claim) =>
        `<h3 id="evidence-${claim.number}">Claim ${claim.number}</h3>\n<p class="annex-claim"${dirAuto(claim.text)}>${esc(claim.text)}</p>\n${claim.citations
          .map((c) => evidenceHtml(c, uses))
          .join('\n')}`,
    );
  if (parts.length === 0) return '';
  return `<section>
<h2>Evidence annex</h2>
<p class="note">Each passage is quoted verbatim from the stored text of its source, once, where it is first cited. Before this file was made, every passage was checked against that text and the text against its SHA-256 fingerprint (listed under Source reference citations). The same passages, character for character, are attached to this PDF as the file ${EVIDENCE_FILE_NAME}: copy right-to-left passages (Arabic, Hebrew) from there, because PDF readers rebuild such text from the glyphs' positions and may split words or move punctuation.</p>
${parts.join('\n')}
</section>`;
}

function sourcesHtml(brief: BriefFull): string {
  if (brief.sources.length === 0) return '';
  const cite = briefLookup(brief);
  const citedAs = new Map<number, number[]>();
  for (const claim of brief.claims) {
    for (const c of claim.citations) {
      const sourceId = cite.quote(c).sourceId;
      citedAs.set(sourceId, [...(citedAs.get(sourceId) ?? []), c.number]);
    }
  }
  // Citation numbers here are plain text: each link is a PDF annotation plus a structure tag, and the
  // claim markers already lead to the annex.
  const items = brief.sources.map(
    (s) => `<li>${endnoteHtml(s, true)}<br>
${esc(sourceDescriptor(s))} · Cited as: ${(citedAs.get(s.id) ?? []).map((n) => `[${n}]`).join(' ')}<br>
<span class="hash">Text SHA-256: ${esc(s.bodySha256)}</span></li>`,
  );
  return `<section>\n<h2>Source reference citations</h2>\n<ol class="sources">\n${items.join('\n')}\n</ol>\n</section>`;
}

/** Title and the product lines; the marking is not repeated here: the page header and footer carry it. */
function coverHtml(brief: BriefFull, exportedAt: string): string {
  const lines = coverLines(brief, exportedAt)
    .map((l) => `<div><dt>${esc(l.label)}</dt><dd${dirAuto(l.value)}>${esc(l.value)}</dd></div>`)
    .join('');
  return `<header class="cover">
<h1 dir="auto">${esc(brief.title)}</h1>
<dl class="product">${lines}</dl>
</header>`;
}

function bottomLineHtml(brief: BriefFull): string {
  const parts: string[] = [];
  if (brief.summary.trim()) {
    parts.push(`<section>\n<h2>Bottom line</h2>\n<p class="summary" dir="auto">${esc(portionPrefix(brief))}${esc(brief.summary)}</p>\n</section>`);
  }
  const statement = sourceSummaryOf(brief);
  if (statement) {
    parts.push(
      `<section>\n<h2>Source summary statement</h2>\n<p class="source-summary" dir="auto">${esc(portionPrefix(brief))}${esc(statement.text)}</p>${
        statement.drafted ? `\n<p class="note">${esc(DRAFTED_NOTE)}</p>` : ''
      }\n</section>`,
    );
  }
  return parts.join('\n');
}

export function printHtml(brief: BriefFull, options: PrintViewOptions): string {
  const structured = options.structured ?? NO_ANALYSIS;
  const ach = printableAch(structured);
  const citing = new Set(ach ? structured.citingClaimIds : []);
  const achLine = ach ? `Rests on the analysis of competing hypotheses (annex): ${rankingSentence(ach).replace(/^Analysis of competing hypotheses /, '')}` : null;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${esc(brief.title)}</title>
<style>
${options.fontCss}
${PRINT_CSS}
${ach || structured.assumptions.length ? ACH_PRINT_CSS : ''}
</style>
</head>
<body>
${fontLoadLine(brief, structured)}
${coverHtml(brief, options.exportedAt)}
${bottomLineHtml(brief)}
${keyAssumptionsHtml(structured.assumptions, brief)}
<section>
<h2>Claims</h2>
${brief.claims.length ? `<ol class="claims">\n${brief.claims.map((c) => claimHtml(c, brief, citing.has(c.id) ? achLine : null)).join('\n')}\n</ol>` : '<p>This brief has no claims.</p>'}
</section>
${annexHtml(withEvidence(brief))}
${ach ? achAnnexHtml(ach) : ''}
${sourcesHtml(brief)}
</body>
</html>
`;
}

/**
 * Header and footer templates. Chromium renders them apart from the page, at a tiny default size,
 * so every size is explicit. It also prints them without waiting for web fonts: a face shows only
 * if the page itself already drew with it. So the templates use bold only, and their embedded faces
 * are ones the page draws in bold too (marking and title), from the same data: URLs.
 */
export function printOptions(brief: BriefFull, fontCss = ''): PrintOptions {
  const marking = esc(brief.marking);
  const style = `<style>${fontCss}
.hf{font-family:${PRINT_FONT_STACK};font-size:8pt;color:#111;width:100%;margin:0 0.75in;}
.m{text-align:center;font-weight:700;font-size:8.5pt;}
.row{display:flex;justify-content:space-between;gap:12pt;font-size:7.5pt;font-weight:700;color:#444;margin-top:2pt;}
.t{overflow:hidden;white-space:nowrap;text-overflow:ellipsis;}
.p{white-space:nowrap;}</style>`;
  return {
    format: 'A4',
    margin: { top: 0.75, bottom: 0.85, left: 0.75, right: 0.75 },
    headerTemplate: `${style}<div class="hf"><div class="m" dir="auto">${marking}</div></div>`,
    footerTemplate: `${style}<div class="hf"><div class="m" dir="auto">${marking}</div><div class="row"><span class="t" dir="auto">${esc(
      brief.title,
    )}</span><span class="p">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div></div>`,
    outline: true,
  };
}

/**
 * Characters of the header and footer that a system font may lack. Chromium parses a template's
 * fonts again for every page (about 8 ms a face, 1.4 s over 170 pages), so Latin text, which every
 * machine can draw, uses the system font there and only other scripts get the embedded faces.
 */
function templateScriptText(brief: BriefFull): string {
  return Array.from(`${brief.marking}${brief.title}`)
    .filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp > 0xff && !(cp >= 0x2000 && cp <= 0x206f);
    })
    .join('');
}

/** The print view and its options for one brief, fonts included: what a PdfRenderer needs. */
export function printJob(brief: BriefFull, exportedAt: string, structured: StructuredAnalysis = NO_ANALYSIS): { html: string; options: PrintOptions } {
  return {
    html: printHtml(brief, { exportedAt, fontCss: printFontCss(brief, structured), structured }),
    // Bold only: see printOptions.
    options: printOptions(brief, fontFaceCss(facesFor('', templateScriptText(brief)))),
  };
}
