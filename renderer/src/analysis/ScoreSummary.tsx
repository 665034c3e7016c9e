// What the matrix says, always in view: the hypotheses from least to most inconsistent, and which
// single piece of evidence the lead rests on (removed, or read one step differently).
import type { Analysis } from '../../../main/contract';
import { hypothesisLabel } from '../../../main/vocabulary';
import { sensitivityText } from '../../../main/tradecraft/ach-text';
import { clip } from '../ui/format';

export function ScoreSummary({ analysis: a }: { analysis: Analysis }) {
  const hyp = new Map(a.hypotheses.map((h, i) => [h.id, { label: hypothesisLabel(i), text: h.text }]));
  const weights = [a.weighByRelevance && 'relevance', a.weighByCredibility && 'credibility'].filter(Boolean).join(' and ');
  return (
    <section className="score-summary" aria-label="Scores" aria-live="polite">
      {a.hypotheses.length < 2 ? (
        <p>Add at least two hypotheses to compare them.</p>
      ) : (
        <>
          <p className="ranking">
            <strong>Ranking</strong> (least inconsistent first{weights ? `, weighted by ${weights}` : ''}):{' '}
            {a.scores.ranking.map((s, i) => (
              <span key={s.hypothesisId} className={s.rank === 1 ? 'leads' : undefined}>
                {i > 0 && ' · '}
                {s.rank}. {hyp.get(s.hypothesisId)?.label} <bdi>{clip(hyp.get(s.hypothesisId)?.text ?? '', 48)}</bdi> ({s.score})
              </span>
            ))}
          </p>
          <p className="sensitivity">{sensitivityText(a)}</p>
          {a.scores.unrated > 0 && <p className="unrated">{a.scores.unrated === 1 ? '1 cell is' : `${a.scores.unrated} cells are`} not rated yet.</p>}
        </>
      )}
    </section>
  );
}
