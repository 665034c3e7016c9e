import { describe, expect, it } from 'vitest';
import { blockquote, briefToMarkdown, escapeMarkdown } from '../../../main/export/markdown';
import { ARABIC, briefFull, CHINESE, multilingualBrief, RUSSIAN, sourceMeta } from './brief-fixtures';

describe('Markdown export', () => {
  const md = briefToMarkdown(multilingualBrief(), '2026-03-02T08:15:00Z');

  it('has the marking top and bottom, title, the product lines, bottom line and source summary statement', () => {
    expect(md.startsWith('**UNCLASSIFIED**\n\n# Port expansion: three languages\n')).toBe(true);
    expect(md.trimEnd().endsWith('**UNCLASSIFIED**')).toBe(true);
    expect(md).toContain(
      '**Prepared by:** Analyst One, Open Source Desk  \n**Date:** 2026-03-02  \n**Information cut-off:** 2026-02-28  \n**Dissemination:** Distribution: project team  \n**Last edited:** 2026-03-01 10:00 UTC',
    );
    expect(md).toContain('## Bottom line\n\nThe bottom line: the port is being expanded.');
    expect(md).toContain('## Source summary statement\n\nThis brief rests on 3 sources');
    expect(md.indexOf('## Source summary statement')).toBeLessThan(md.indexOf('## Claims'));
  });

  it('gives claims footnote references in order, each with its likelihood, confidence and evidence on its own line', () => {
    const b = multilingualBrief();
    b.claims[0]!.likelihood = 'almost-certain';
    const out = briefToMarkdown({ ...b, likelihoodRow: 'probable', portionMark: 'U' }, '2026-03-02T08:15:00Z');
    expect(out).toContain('1\\. (U) The governor announced the expansion.[^1]  \n*Likelihood: nearly certain (95–99%) · Confidence: high · Evidence: Single source*');
    expect(md).toContain('2\\. Arabic-language media report the same date.[^2]  \n*Confidence: moderate · Evidence: Single source*');
    expect(md).toContain('3\\. Chinese state media disagree on nothing.[^3]  \n*Evidence: No supporting source · contradicted by \\[3\\]*');
  });

  it('defines each footnote with the passage verbatim as a blockquote and its source', () => {
    expect(md).toContain('[^1]: Claim 1: **Supports the claim.** Credibility of this passage: 2 — probably true.');
    expect(md).toContain(`    > ${RUSSIAN}`);
    expect(md).toContain(`    > ${ARABIC}`);
    expect(md).toContain('[^3]: Claim 3: **CONTRADICTS the claim.** Credibility of this passage: 4 — doubtful.');
    expect(md).toContain(`    > ${CHINESE}`);
    expect(md).toContain('    News article; source reliability C (fairly reliable)');
    expect(md).toContain('    A. Writer, “توسيع الميناء”, الجزيرة, 2026-02-14, News article, https://example.org/articles/2, accessed 2026-02-20 09:30 UTC.');
  });

  it('escapes Markdown in analyst text so it reads back as typed', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('[^9] *x* <b>')).toBe('\\[^9\\] \\*x\\* \\<b\\>');
    const s = sourceMeta(1);
    const out = briefToMarkdown(briefFull('T', [{ text: 'See [^9] and <script>', cites: [{ source: s, exact: '*bold* [link](x)' }] }]), '2026-03-02T08:15:00Z');
    expect(out).not.toContain('[^9]:');
    expect(out).not.toContain('<script>');
    expect(out).toContain('    > \\*bold\\* \\[link\\](x)');
  });

  it('keeps the line breaks of a multi-line passage inside one blockquote', () => {
    expect(blockquote('first line\nsecond\n\nnew paragraph', '')).toBe('> first line  \n> second\n>\n> new paragraph');
  });
});

describe('Markdown export of a passage cited by several claims', () => {
  const passage = 'The ministry said the exercise would last nine days.';
  const md = briefToMarkdown(
    briefFull('B', [
      { text: 'One', cites: [{ source: sourceMeta(1), exact: passage }] },
      { text: 'Two', cites: [{ source: sourceMeta(1), exact: passage, quoteId: 1, relation: 'context' }] },
    ]),
    '2026-03-02T08:00:00.000Z',
  );

  it('quotes it in the first footnote only, which lists the claims citing it', () => {
    expect(md.split(`> ${passage}`)).toHaveLength(2);
    expect(md).toContain('    Cited by claim 1 as [^1] (supports), claim 2 as [^2] (context).');
    expect(md).toContain(`[^2]: Claim 2: **Context for the claim.** The passage quoted in full at [^1] (claim 1): “${passage}”`);
  });
});
