// The structured analysis in Markdown and CSV: the Key Assumptions Check after the source summary
// statement, the ACH matrix as an annex (a pipe table, ratings as text), and the matrix alone as CSV
// for a spreadsheet.
import type { BriefFull, KeyAssumption } from '../../db/model';
import type { Analysis } from '../tradecraft/ach-score';
import { matrixText } from '../tradecraft/ach-text';
import { ACH_RATING_WORDS, ACH_RATINGS, ASSUMPTION_STATUS_WORDS } from '../vocabulary';

/** Text in a Markdown table cell: pipes escaped, lines joined. */
const cell = (text: string, escape: (t: string) => string) => escape(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');

export function keyAssumptionsMarkdown(assumptions: readonly KeyAssumption[], brief: BriefFull, escape: (t: string) => string): string[] {
  if (assumptions.length === 0) return [];
  const numbers = new Map(brief.claims.map((c) => [c.id, c.number]));
  return [
    '## Key assumptions check',
    '',
    '| # | Assumption | Status | Claims resting on it | What would make it wrong |',
    '|---|---|---|---|---|',
    ...assumptions.map((k, i) => {
      const claims = k.claimIds.map((id) => numbers.get(id)).filter((n) => n !== undefined);
      return `| A${i + 1} | ${cell(k.text, escape)} | ${ASSUMPTION_STATUS_WORDS[k.status]} | ${claims.length ? claims.map((n) => `Claim ${n}`).join(', ') : '—'} | ${cell(k.note || '—', escape)} |`;
    }),
    '',
  ];
}

export function achMarkdown(a: Analysis, escape: (t: string) => string): string[] {
  const m = matrixText(a);
  return [
    '## Annex: analysis of competing hypotheses',
    '',
    ...(m.question.trim() ? [`**Question:** ${escape(m.question)}`, ''] : []),
    ...m.hypotheses.map((h) => `- **${h.label}** ${escape(h.text)}`),
    '',
    `**Ranking**, least inconsistent first. ${m.weighting}`,
    '',
    ...m.ranking.map((h) => `${h.rank}. **${h.label}** ${escape(h.text)} — inconsistency ${h.score}`),
    '',
    escape(m.sensitivity),
    '',
    `| # | Evidence | Source | Grade | Relevance | Diag. | ${m.hypotheses.map((h) => h.label).join(' | ')} |`,
    `|---|---|---|---|---|---|${m.hypotheses.map(() => '---|').join('')}`,
    ...m.rows.map(
      (r) =>
        `| ${r.label} | ${cell(r.kind === 'assumption' ? r.text : `“${r.text}”`, escape)}${r.flags.length ? ` *(${r.flags.join(', ')})*` : ''} | ${cell(r.source, escape)} | ${r.grade || '—'} | ${r.relevance} | ${r.diagnosticity} | ${r.ratings.map((x) => x ?? ' ').join(' | ')} |`,
    ),
    `| | **Inconsistency score** | | | | | ${m.hypotheses.map((h) => `**${h.score}**`).join(' | ')} |`,
    '',
    `*Ratings: ${ACH_RATINGS.map((r) => `${r} ${ACH_RATING_WORDS[r]}`).join(', ')}. Diag. is the spread between a row's most and least consistent rating (0–4).*`,
    '',
  ];
}

const csvField = (v: string | number) => {
  const s = String(v);
  // A leading = + - @ would be read as a formula by a spreadsheet: quote it with a tab-safe prefix.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The matrix as CSV: one line per evidence row, a column per hypothesis, then the scores and ranks. */
export function achCsv(a: Analysis): string {
  const m = matrixText(a);
  const lines: (string | number)[][] = [
    ['Row', 'Kind', 'Evidence', 'Source', 'Grade', 'Relevance', 'Diagnosticity', 'Flags', ...m.hypotheses.map((h) => `${h.label}: ${h.text}`)],
    ...m.rows.map((r) => [r.label, r.kind, r.text, r.source, r.grade, r.relevance, r.diagnosticity, r.flags.join('; '), ...r.ratings.map((x) => x ?? '')]),
    ['', '', 'Inconsistency score', '', '', '', '', '', ...m.hypotheses.map((h) => h.score)],
    ['', '', 'Rank', '', '', '', '', '', ...m.hypotheses.map((h) => h.rank)],
  ];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
