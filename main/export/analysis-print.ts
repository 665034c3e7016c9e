// The structured analysis in the PDF: the Key Assumptions Check after the source summary statement,
// and the ACH matrix with its scores, ranking and sensitivity as an annex. The rating is printed as
// text in each cell, on a tint, so a grey-scale copy reads the same.
import type { BriefFull, KeyAssumption } from '../../db/model';
import type { Analysis } from '../tradecraft/ach-score';
import { matrixText } from '../tradecraft/ach-text';
import { ACH_RATING_WORDS, ACH_RATINGS, ASSUMPTION_STATUS_WORDS } from '../vocabulary';
import { dirAuto, escapeHtml as esc } from './html';

export const ACH_PRINT_CSS = `
.kac { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0 0 6pt; }
.kac th, .kac td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: start; vertical-align: top; }
.kac th { background: #eee; }
.kac td:first-child, .kac td:nth-child(3), .ach td:first-child, .ach td:nth-child(3), .ach td:nth-child(4), .ach th { white-space: nowrap; }
.kac .unsupported { color: #8a1c1c; font-weight: 700; }
.kac .caveats { color: #8a5a00; font-weight: 700; }
.ach { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 4pt 0 6pt; }
.ach th, .ach td { border: 0.5pt solid #999; padding: 1.5pt 3pt; vertical-align: top; }
.ach thead th { background: #eee; text-align: center; }
.ach thead { display: table-header-group; }
.ach tr { break-inside: avoid; }
.ach td.r { text-align: center; font-weight: 700; width: 22pt; }
.ach .flat td { color: #666; }
.ach tfoot td { font-weight: 700; background: #f4f4f4; text-align: center; }
.r-CC { background: #b9dcc2; } .r-C { background: #e1f0e4; } .r-N { background: #f1f1f1; } .r-I { background: #f6d6d0; } .r-II { background: #e8a69c; }
.ranking { margin: 0 0 4pt 1.4em; padding: 0; font-size: 9.5pt; }
.hyps { margin: 0 0 4pt 0; padding: 0; list-style: none; font-size: 9.5pt; }
`;

export function keyAssumptionsHtml(assumptions: readonly KeyAssumption[], brief: BriefFull): string {
  if (assumptions.length === 0) return '';
  const numbers = new Map(brief.claims.map((c) => [c.id, c.number]));
  const rows = assumptions.map((k, i) => {
    const claims = k.claimIds.map((id) => numbers.get(id)).filter((n) => n !== undefined);
    return `<tr><td>A${i + 1}</td><td${dirAuto(k.text)}>${esc(k.text)}</td><td class="${k.status}">${esc(ASSUMPTION_STATUS_WORDS[k.status])}</td><td>${
      claims.length ? esc(claims.map((n) => `Claim ${n}`).join(', ')) : '—'
    }</td><td${dirAuto(k.note)}>${esc(k.note || '—')}</td></tr>`;
  });
  return `<section>
<h2>Key assumptions check</h2>
<table class="kac"><thead><tr><th>#</th><th>Assumption</th><th>Status</th><th>Claims resting on it</th><th>What would make it wrong</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}

export function achAnnexHtml(a: Analysis): string {
  const m = matrixText(a);
  const head = m.hypotheses.map((h) => `<th title="${esc(h.text)}">${esc(h.label)}</th>`).join('');
  const body = m.rows.map((r) => {
    const cells = r.ratings.map((x) => `<td class="r${x ? ` r-${x}` : ''}">${x ?? ''}</td>`).join('');
    const what = r.kind === 'assumption' || /^["“«„]/.test(r.text) ? esc(r.text) : `“${esc(r.text)}”`;
    const flags = r.flags.length ? ` <i>(${esc(r.flags.join(', '))})</i>` : '';
    return `<tr${r.flags.includes('not diagnostic') ? ' class="flat"' : ''}><td>${r.label}</td><td${dirAuto(r.text)}>${what}<br><small>${esc(r.source)}${
      r.grade ? ` · ${esc(r.grade)}` : ''
    }${flags}</small></td><td>${esc(r.relevance)}</td><td style="text-align:center">${r.diagnosticity}</td>${cells}</tr>`;
  });
  const scores = m.hypotheses.map((h) => `<td>${h.score}</td>`).join('');
  return `<section>
<h2>Annex: analysis of competing hypotheses</h2>
${m.question.trim() ? `<p${dirAuto(m.question)}><b>Question:</b> ${esc(m.question)}</p>` : ''}
<ul class="hyps">${m.hypotheses.map((h) => `<li><b>${h.label}</b> <span${dirAuto(h.text)}>${esc(h.text)}</span></li>`).join('')}</ul>
<p><b>Ranking</b>, least inconsistent first (Heuer): the hypothesis with the least evidence against it survives. ${esc(m.weighting)}</p>
<ol class="ranking">${m.ranking.map((h) => `<li value="${h.rank}"><b>${h.label}</b> <span${dirAuto(h.text)}>${esc(h.text)}</span> — inconsistency ${h.score}</li>`).join('')}</ol>
<p>${esc(m.sensitivity)}${m.unrated ? ` ${m.unrated === 1 ? 'One cell is' : `${m.unrated} cells are`} not rated.` : ''}</p>
<table class="ach">
<thead><tr><th>#</th><th>Evidence</th><th>Relevance</th><th>Diag.</th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
<tfoot><tr><td colspan="4" style="text-align:end">Inconsistency score</td>${scores}</tr></tfoot>
</table>
<p class="note">Ratings: ${ACH_RATINGS.map((r) => `${r} ${ACH_RATING_WORDS[r]}`).join(', ')}. Diag. is the spread between a row's most and least consistent rating (0–4); 0 tells the hypotheses nothing apart. Grades: source reliability A–F, information credibility 1–6.</p>
</section>`;
}
