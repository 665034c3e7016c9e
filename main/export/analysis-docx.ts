// The structured analysis in the Word export: the Key Assumptions Check after the source summary
// statement and the ACH matrix as an annex, as Word tables with each rating as text on a tint.
import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx';
import type { BriefFull, KeyAssumption } from '../../db/model';
import type { Analysis } from '../tradecraft/ach-score';
import { matrixText } from '../tradecraft/ach-text';
import { ACH_RATING_WORDS, ACH_RATINGS, ASSUMPTION_STATUS_WORDS, type AchRating } from '../vocabulary';

const FONT = 'Noto Sans';
const TINT: Record<AchRating, string> = { CC: 'B9DCC2', C: 'E1F0E4', N: 'F1F1F1', I: 'F6D6D0', II: 'E8A69C' };
const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: line, bottom: line, left: line, right: line };

const text = (t: string, o: { bold?: boolean; size?: number; italics?: boolean } = {}) => new TextRun({ text: t, font: FONT, size: o.size ?? 17, bold: o.bold, italics: o.italics });
const heading = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: t, font: FONT })] });
const para = (runs: TextRun[]) => new Paragraph({ children: runs, spacing: { after: 80 } });

function tableCell(content: string, o: { bold?: boolean; shade?: string; header?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    children: [new Paragraph({ children: [text(content, { bold: o.bold || o.header })] })],
    ...(o.shade || o.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.shade ?? 'EEEEEE' } } : {}),
  });
}

const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });

export function keyAssumptionsDocx(assumptions: readonly KeyAssumption[], brief: BriefFull): (Paragraph | Table)[] {
  if (assumptions.length === 0) return [];
  const numbers = new Map(brief.claims.map((c) => [c.id, c.number]));
  const head = new TableRow({ tableHeader: true, children: ['#', 'Assumption', 'Status', 'Claims resting on it', 'What would make it wrong'].map((h) => tableCell(h, { header: true })) });
  const rows = assumptions.map((k, i) => {
    const claims = k.claimIds.map((id) => numbers.get(id)).filter((n) => n !== undefined);
    return new TableRow({
      children: [
        tableCell(`A${i + 1}`),
        tableCell(k.text),
        tableCell(ASSUMPTION_STATUS_WORDS[k.status], { bold: k.status !== 'solid' }),
        tableCell(claims.length ? claims.map((n) => `Claim ${n}`).join(', ') : '—'),
        tableCell(k.note || '—'),
      ],
    });
  });
  return [heading('Key assumptions check'), table([head, ...rows])];
}

export function achDocx(a: Analysis): (Paragraph | Table)[] {
  const m = matrixText(a);
  const head = new TableRow({
    tableHeader: true,
    children: ['#', 'Evidence', 'Relevance', 'Diag.', ...m.hypotheses.map((h) => h.label)].map((h) => tableCell(h, { header: true })),
  });
  const rows = m.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell(r.label),
          new TableCell({
            borders,
            children: [
              new Paragraph({ children: [text(r.kind === 'assumption' ? r.text : `“${r.text}”`)] }),
              new Paragraph({ children: [text(`${r.source}${r.grade ? ` · ${r.grade}` : ''}${r.flags.length ? ` (${r.flags.join(', ')})` : ''}`, { size: 15, italics: true })] }),
            ],
          }),
          tableCell(r.relevance),
          tableCell(String(r.diagnosticity)),
          ...r.ratings.map((x) => tableCell(x ?? '', { bold: true, shade: x ? TINT[x] : undefined })),
        ],
      }),
  );
  const scores = new TableRow({ children: [tableCell(''), tableCell('Inconsistency score', { bold: true }), tableCell(''), tableCell(''), ...m.hypotheses.map((h) => tableCell(String(h.score), { bold: true }))] });
  return [
    heading('Annex: analysis of competing hypotheses'),
    ...(m.question.trim() ? [para([text('Question: ', { bold: true, size: 21 }), text(m.question, { size: 21 })])] : []),
    ...m.hypotheses.map((h) => para([text(`${h.label} `, { bold: true, size: 21 }), text(h.text, { size: 21 })])),
    para([text('Ranking', { bold: true, size: 21 }), text(`, least inconsistent first. ${m.weighting}`, { size: 21 })]),
    ...m.ranking.map((h) => para([text(`${h.rank}. ${h.label} `, { bold: true, size: 21 }), text(`${h.text} — inconsistency ${h.score}`, { size: 21 })])),
    para([text(m.sensitivity, { size: 21 })]),
    table([head, ...rows, scores]),
    para([text(`Ratings: ${ACH_RATINGS.map((r) => `${r} ${ACH_RATING_WORDS[r]}`).join(', ')}. Diag. is the spread between a row's most and least consistent rating (0–4).`, { size: 16 })]),
  ];
}
