// The Markdown export: the same brief for people who continue in other tools. Claims carry
// footnote-style citations ([^1]); each footnote holds the passage verbatim as a blockquote and its
// source details, so the file stands alone like the PDF's evidence annex; a passage cited again points
// back to the footnote that quotes it.
import { achMarkdown, keyAssumptionsMarkdown } from './analysis-text';
import { rankingSentence } from '../tradecraft/ach-text';
import { NO_ANALYSIS, printableAch, type StructuredAnalysis } from './structured';
import type { BriefFull, Quote, SourceMeta } from '../../db/model';
import { descriptorWithPages, firstUse, openingWords, passageUses, usesText, withEvidence, type CitationWithEvidence, type PassageUse } from './passages';
import { credibilityText, RELATION_WORDS } from './words';
import { endnoteText, sourceDescriptor } from '../tradecraft/endnotes';
import { coverLines, DRAFTED_NOTE, evidenceLine, judgmentText, portionPrefix, sourceSummaryOf } from './template';

/**
 * Escapes Markdown syntax in analyst text so it reads back as typed: a claim starting with "# " or
 * "1." stays a claim, and "[^3]" typed by hand never becomes a footnote reference.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}${mark.replace(/([-+=.)])$/, '\\$1')}`)
    .replace(/^(\s*)>/gm, '$1\\>');
}

/** Each line of a text, as lines of one paragraph (Markdown joins lines; a hard break keeps them). */
function asLines(text: string): string {
  return escapeMarkdown(text).replace(/\r\n?/g, '\n').split('\n').join('  \n');
}

/** A verbatim passage as a blockquote: line breaks kept as hard breaks, empty lines as "> ". */
export function blockquote(text: string, indent: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line, i) => {
      const out = `${indent}> ${escapeMarkdown(line)}`.trimEnd();
      const next = lines[i + 1];
      return line.trim() && next?.trim() ? `${out}  ` : out;
    })
    .join('\n');
}

/** The source descriptor and the ICD 206 endnote, one per line. */
function sourceDetails(s: SourceMeta, quote: Pick<Quote, 'pages'>, indent: string): string {
  return [`${indent}${escapeMarkdown(descriptorWithPages(sourceDescriptor(s), quote))}`, `${indent}${escapeMarkdown(endnoteText(s))}`].join('  \n');
}

/** A footnote per citation; a passage cited again refers to the footnote that quotes it (see passages.ts). */
function footnote(c: CitationWithEvidence, claimNumber: number, uses: Map<number, PassageUse[]>): string {
  const indent = '    ';
  const first = firstUse(uses, c);
  const head = `[^${c.number}]: Claim ${claimNumber}: **${RELATION_WORDS[c.relation]}.**`;
  if (first.number !== c.number) {
    return `${head} The passage quoted in full at [^${first.number}] (claim ${first.claimNumber}): “${escapeMarkdown(openingWords(c.quote.exact))}”`;
  }
  const all = uses.get(c.quoteId) ?? [];
  return [
    `${head} Credibility of this passage: ${credibilityText(c.quote.credibility)}.`,
    '',
    blockquote(c.quote.exact, indent),
    '',
    sourceDetails(c.source, c.quote, indent) + (all.length > 1 ? `  \n${indent}Cited by ${usesText(all, (n) => `[^${n}]`)}.` : ''),
  ].join('\n');
}

export function briefToMarkdown(input: BriefFull, exportedAt: string, structured: StructuredAnalysis = NO_ANALYSIS): string {
  const brief = withEvidence(input);
  const ach = printableAch(structured);
  const citing = new Set(ach ? structured.citingClaimIds : []);
  const out: string[] = [];
  if (brief.marking) out.push(`**${escapeMarkdown(brief.marking)}**`, '');
  out.push(`# ${escapeMarkdown(brief.title)}`, '');
  out.push(coverLines(brief, exportedAt).map((l) => `**${l.label}:** ${escapeMarkdown(l.value)}`).join('  \n'), '');
  const portion = escapeMarkdown(portionPrefix(brief));
  if (brief.summary.trim()) out.push('## Bottom line', '', `${portion}${asLines(brief.summary)}`, '');
  const statement = sourceSummaryOf(brief);
  if (statement) {
    out.push('## Source summary statement', '', `${portion}${asLines(statement.text)}`, '');
    if (statement.drafted) out.push(`*${DRAFTED_NOTE}*`, '');
  }
  out.push(...keyAssumptionsMarkdown(structured.assumptions, brief, escapeMarkdown));
  out.push('## Claims', '');
  if (brief.claims.length === 0) out.push('This brief has no claims.', '');
  for (const claim of brief.claims) {
    const refs = claim.citations.map((c) => `[^${c.number}]`).join('');
    const judgment = judgmentText(claim, brief);
    const lines = [`${claim.number}\\. ${portion}${asLines(claim.text)}${refs}`, `*${judgment ? `${judgment} · ` : ''}${escapeMarkdown(evidenceLine(claim, brief))}*`];
    if (ach && citing.has(claim.id)) lines.push(`*Rests on the ${escapeMarkdown(rankingSentence(ach).replace(/^Analysis/, 'analysis'))}*`);
    else if (claim.citations.length === 0) lines.push('*This claim cites no passage.*');
    out.push(lines.join('  \n'), '');
  }
  if (brief.sources.length) {
    out.push('## Source reference citations', '');
    brief.sources.forEach((s, i) => {
      out.push(`${i + 1}. ${sourceDetails(s, { pages: null }, '').replace(/ {2}\n/g, '  \n   ')}  \n   Text SHA-256: \`${s.bodySha256}\``);
    });
    out.push('');
  }
  if (ach) out.push(...achMarkdown(ach, escapeMarkdown));
  const uses = passageUses(brief);
  const notes = brief.claims.flatMap((claim) => claim.citations.map((c) => footnote(c, claim.number, uses)));
  if (notes.length) out.push('## Evidence', '', notes.join('\n\n'), '');
  if (brief.marking) out.push(`**${escapeMarkdown(brief.marking)}**`, '');
  return out.join('\n');
}
