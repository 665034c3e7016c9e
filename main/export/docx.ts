// The Word export, for reviewers who edit in Word: the same structure as the PDF (cover,
// bottom line, source summary statement, claims with their judgment lines, evidence annex, source
// reference citations), each citation a footnote holding the passage verbatim and its endnote, and the
// marking in every page's header and footer. Built with the docx package; no HTML passes through.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { BriefFull } from '../../db/model';
import { rankingSentence } from '../tradecraft/ach-text';
import { achDocx, keyAssumptionsDocx } from './analysis-docx';
import { NO_ANALYSIS, printableAch, type StructuredAnalysis } from './structured';
import { endnoteText, sourceDescriptor } from '../tradecraft/endnotes';
import { descriptorWithPages, firstUse, openingWords, passageUses, usesText, withEvidence, type CitationWithEvidence } from './passages';
import { coverLines, DRAFTED_NOTE, evidenceLine, judgmentText, portionPrefix, sourceSummaryOf } from './template';
import { credibilityText, RELATION_WORDS } from './words';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const FONT = 'Noto Sans';

/** A run of analyst or source text; right-to-left text is marked so Word orders it as written. */
function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: FONT, ...(RTL.test(text) ? { rightToLeft: true } : {}), ...options });
}

function para(children: ParagraphChild[], options: { bidi?: boolean; style?: string; indent?: number; size?: 'small' } = {}): Paragraph {
  return new Paragraph({
    children,
    ...(options.bidi ? { bidirectional: true } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.indent ? { indent: { left: options.indent } } : {}),
    spacing: { after: 80 },
  });
}

/** Text with line breaks kept as breaks (claims and passages may hold several lines). */
function lines(text: string, options: IRunOptions = {}): TextRun[] {
  return text.split(/\r\n?|\n/).map((line, i) => run(line, { ...options, ...(i > 0 ? { break: 1 } : {}) }));
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph {
  return new Paragraph({ heading: level, children: [run(text)] });
}

function markingParagraph(marking: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(marking, { bold: true, size: 18 })] });
}

/** A footnote: relation, the passage verbatim, its source descriptor and endnote. */
function footnote(c: CitationWithEvidence): Paragraph[] {
  return [
    para([run(`[${c.number}] ${RELATION_WORDS[c.relation]}. `, { bold: true }), run(descriptorWithPages(sourceDescriptor(c.source), c.quote))]),
    para(lines(`“${c.quote.exact}”`), { bidi: RTL.test(c.quote.exact) }),
    para([run(endnoteText(c.source)), run(` Passage credibility ${credibilityText(c.quote.credibility)}.`)]),
  ];
}

function evidence(c: CitationWithEvidence, uses: ReturnType<typeof passageUses>): Paragraph[] {
  const first = firstUse(uses, c);
  const head = para([run(`[${c.number}] ${RELATION_WORDS[c.relation]}`, { bold: true }), run(` · ${descriptorWithPages(sourceDescriptor(c.source), c.quote)}`)]);
  if (first.number !== c.number) {
    return [head, para([run(`The passage quoted in full at [${first.number}] (claim ${first.claimNumber}): “${openingWords(c.quote.exact)}”`)], { indent: 360 })];
  }
  const all = uses.get(c.quoteId) ?? [];
  return [
    head,
    para(lines(c.quote.exact), { style: 'Quote', indent: 360, bidi: RTL.test(c.quote.exact) }),
    para([
      run(`${endnoteText(c.source)} · Passage credibility ${credibilityText(c.quote.credibility)}`, { size: 18 }),
      ...(all.length > 1 ? [run(`Cited by ${usesText(all, (n) => `[${n}]`)}.`, { size: 18, break: 1 })] : []),
    ]),
  ];
}

export async function briefToDocx(input: BriefFull, exportedAt: string, version: string, structured: StructuredAnalysis = NO_ANALYSIS): Promise<Uint8Array> {
  const brief = withEvidence(input);
  const ach = printableAch(structured);
  const citing = new Set(ach ? structured.citingClaimIds : []);
  const portion = portionPrefix(brief);
  const body: (Paragraph | Table)[] = [];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(brief.title)] }));
  for (const l of coverLines(brief, exportedAt)) body.push(para([run(`${l.label}: `, { bold: true }), run(l.value)]));

  if (brief.summary.trim()) body.push(heading('Bottom line'), para(lines(`${portion}${brief.summary}`), { bidi: RTL.test(brief.summary) }));
  const statement = sourceSummaryOf(brief);
  if (statement) {
    body.push(heading('Source summary statement'), para(lines(`${portion}${statement.text}`)));
    if (statement.drafted) body.push(para([run(DRAFTED_NOTE, { italics: true, size: 18 })]));
  }
  body.push(...keyAssumptionsDocx(structured.assumptions, brief));

  body.push(heading('Claims'));
  if (brief.claims.length === 0) body.push(para([run('This brief has no claims.')]));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const claim of brief.claims) {
    const refs = claim.citations.map((c) => {
      footnotes[c.number] = { children: footnote(c) };
      return new FootnoteReferenceRun(c.number);
    });
    body.push(para([run(`${claim.number}. `, { bold: true }), ...lines(`${portion}${claim.text}`), ...refs], { bidi: RTL.test(claim.text) }));
    const judgment = judgmentText(claim, brief);
    body.push(para([run(`${judgment ? `${judgment} · ` : ''}${evidenceLine(claim, brief)}`, { size: 18, color: '444444' })], { indent: 360 }));
    if (ach && citing.has(claim.id)) body.push(para([run(`Rests on the ${rankingSentence(ach).replace(/^Analysis/, 'analysis')}`, { size: 18, color: '444444' })], { indent: 360 }));
    else if (claim.citations.length === 0) body.push(para([run('This claim cites no passage.', { italics: true, size: 18, color: '8A1C1C' })], { indent: 360 }));
  }

  const uses = passageUses(brief);
  const cited = brief.claims.filter((c) => c.citations.length > 0);
  if (cited.length) {
    body.push(
      heading('Evidence annex'),
      para([
        run(
          'Each passage is quoted verbatim from the stored text of its source, once, where it is first cited. Before this file was made, every passage was checked against that text and the text against its SHA-256 fingerprint (listed under Source reference citations).',
          { size: 18 },
        ),
      ]),
    );
    for (const claim of cited) {
      body.push(heading(`Claim ${claim.number}`, HeadingLevel.HEADING_2), para(lines(claim.text, { color: '444444' }), { bidi: RTL.test(claim.text) }));
      for (const c of claim.citations) body.push(...evidence(c, uses));
    }
  }

  if (ach) body.push(...achDocx(ach));

  if (brief.sources.length) {
    body.push(heading('Source reference citations'));
    brief.sources.forEach((s, i) => {
      body.push(
        para([
          run(`${i + 1}. `, { bold: true }),
          run(endnoteText(s)),
          run(sourceDescriptor(s), { break: 1, size: 18 }),
          run(`Text SHA-256: ${s.bodySha256}`, { break: 1, size: 16, color: '555555' }),
        ]),
      );
    });
  }

  const doc = new Document({
    creator: `Sourcemark ${version}`,
    lastModifiedBy: `Sourcemark ${version}`,
    title: brief.title,
    subject: brief.marking,
    description: `Exported by Sourcemark ${version} on ${exportedAt}`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    footnotes,
    sections: [
      {
        headers: { default: new Header({ children: brief.marking ? [markingParagraph(brief.marking)] : [] }) },
        footers: {
          default: new Footer({
            children: [
              ...(brief.marking ? [markingParagraph(brief.marking)] : []),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(`${brief.title} · `, { size: 16 }), new TextRun({ size: 16, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
