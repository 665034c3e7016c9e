// The quote bank: every passage in the library in one virtualised list, newest first, narrowed by
// tag (the library's tag filter), source, credibility and whether a claim cites it. A passage is
// opened in the reader, cited in the claim selected in the brief, or dragged onto any claim.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Credibility, QuoteWithUse } from '../../../main/contract';
import { useBrief, useQuoteBank, useSourceList, type QuoteBankFilter } from '../api/queries';
import { addCitation } from '../mutations/citations';
import { QUOTE_DRAG_TYPE } from '../ui/drag';
import { useGuarded } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { clip, sourceLabel } from '../ui/format';
import { emptyNote } from './emptyNote';
import { changeAnalysis, useAnalysis } from '../mutations/analysis';
import { client } from '../api/client';

/** The analysis open beside the bank, when the brief pane shows it: the bank can add passages to it. */
interface OpenAnalysis {
  id: number;
  briefId: number;
  quoteIds: ReadonlySet<number>;
}

const ROW_HEIGHT = 100; // a first guess; rows are measured as drawn

interface Props {
  tagId: number | null;
  tagName: string | null;
}

export function QuoteBank({ tagId, tagName }: Props) {
  const ws = useWorkspace();
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [credibility, setCredibility] = useState<Credibility | 'none' | null>(null);
  const [cited, setCited] = useState<boolean | null>(null);
  const filter: QuoteBankFilter = useMemo(() => ({ tagId, sourceId, credibility, cited }), [tagId, sourceId, credibility, cited]);
  const bank = useQuoteBank(filter, true);
  const sources = useSourceList('', null);
  const quotes = useMemo(() => bank.data?.pages.flatMap((p) => p.items) ?? [], [bank.data]);
  const total = bank.data?.pages[0]?.total ?? 0;
  const brief = useBrief(ws.briefId);
  const claim = brief.data?.claims.find((c) => c.id === ws.selectedClaimId) ?? null;
  const analysisQuery = useAnalysis(ws.briefView === 'analysis' ? ws.briefId : null);
  const a = ws.briefView === 'analysis' ? analysisQuery.data : null;
  const analysis = useMemo<OpenAnalysis | null>(
    () => (a ? { id: a.id, briefId: a.briefId, quoteIds: new Set(a.rows.flatMap((r) => (r.quoteId === null ? [] : [r.quoteId]))) } : null),
    [a],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = bank;
  const nearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const narrowed = [tagName && `tagged “${tagName}”`, sourceId !== null && 'from this source', credibility !== null && (credibility === 'none' ? 'not rated' : `of credibility ${credibility}`), cited !== null && (cited ? 'cited by a claim' : 'not cited yet')].filter(Boolean) as string[];
  return (
    <div className="quote-bank">
      <div className="bank-filters" role="group" aria-label="Narrow the quote bank">
        <select aria-label="Quotes from source" value={sourceId ?? ''} onChange={(e) => setSourceId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">All sources</option>
          {sources.data?.pages.flatMap((p) => p.items).map((s) => (
            <option key={s.id} value={s.id}>
              {clip(s.title, 60)}
            </option>
          ))}
        </select>
        <select aria-label="Credibility" value={credibility ?? ''} onChange={(e) => setCredibility(e.target.value === '' ? null : e.target.value === 'none' ? 'none' : (Number(e.target.value) as Credibility))}>
          <option value="">Any credibility</option>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              Credibility {n}
            </option>
          ))}
          <option value="none">Not rated</option>
        </select>
        <select aria-label="Cited or not" value={cited === null ? '' : cited ? 'cited' : 'uncited'} onChange={(e) => setCited(e.target.value === '' ? null : e.target.value === 'cited')}>
          <option value="">Cited or not</option>
          <option value="cited">Cited by a claim</option>
          <option value="uncited">Not cited yet</option>
        </select>
      </div>
      <p className="list-count" aria-live="polite">
        {bank.isPending ? 'Loading quotes…' : `${total} ${total === 1 ? 'quote' : 'quotes'}${narrowed.length ? ` ${narrowed.join(', ')}` : ''}`}
        {total > 0 && (claim ? ` · cite in claim ${claim.number}, or drag onto a claim` : ' · drag onto a claim, or select a claim to cite with a button')}
      </p>
      {!bank.isPending && quotes.length === 0 ? (
        <p className="empty-note">{emptyNote('quote', narrowed)}</p>
      ) : (
        <BankList quotes={quotes} total={total} claim={claim} analysis={analysis} onNearEnd={nearEnd} />
      )}
    </div>
  );
}

interface ListProps {
  quotes: QuoteWithUse[];
  total: number;
  claim: { id: number; number: number } | null;
  analysis: OpenAnalysis | null;
  onNearEnd(): void;
}

function BankList({ quotes, total, claim, analysis, onNearEnd }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: quotes.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtual.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (last >= quotes.length - 10 && quotes.length < total) onNearEnd();
  }, [last, quotes.length, total, onNearEnd]);
  return (
    <div ref={scroller} className="bank-scroller">
      <ul aria-label="Quote bank" className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {items.map((row) => {
          const q = quotes[row.index] as QuoteWithUse;
          return (
            <li
              key={q.id}
              data-index={row.index}
              ref={virtual.measureElement}
              className="bank-row"
              style={{ transform: `translateY(${row.start}px)` }}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(QUOTE_DRAG_TYPE, String(q.id));
                e.dataTransfer.setData('text/plain', q.exact);
                e.dataTransfer.effectAllowed = 'link';
              }}
            >
              <BankRow quote={q} claim={claim} analysis={analysis} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const BankRow = memo(function BankRow({ quote: q, claim, analysis }: { quote: QuoteWithUse; claim: ListProps['claim']; analysis: OpenAnalysis | null }) {
  const qc = useQueryClient();
  const ws = useWorkspace();
  const run = useGuarded();
  const uses = q.citedBy.length > 0 ? `cited ${q.citedBy.length}×` : 'not cited';
  const already = claim !== null && q.citedBy.some((c) => c.claimId === claim.id);
  return (
    <>
      <button type="button" className="bank-open" title="Open in the reader" onClick={() => ws.openQuote(q.source.id, q.id)}>
        <span className="bank-exact" dir="auto">
          “{clip(q.exact, 140)}”
        </span>
      </button>
      <span className="bank-meta">
        <span dir="auto">{sourceLabel(q.source)}</span>
        {q.credibility !== null && <span> · credibility {q.credibility}</span>}
        <span> · {uses}</span>
        {q.tags.map((t) => (
          <span key={t.id} className="bank-tag" style={{ borderColor: t.colour }}>
            {t.name}
          </span>
        ))}
      </span>
      {claim && (
        <button
          type="button"
          className="small bank-cite"
          disabled={already}
          aria-label={already ? `Already cited in claim ${claim.number}` : `Cite in claim ${claim.number}: ${clip(q.exact, 60)}`}
          onClick={() => void run(() => addCitation(qc, claim.id, q.id))}
        >
          {already ? `In claim ${claim.number}` : `Cite in claim ${claim.number}`}
        </button>
      )}
      {analysis && (
        <button
          type="button"
          className="small bank-cite"
          disabled={analysis.quoteIds.has(q.id)}
          // The name starts with the visible words (axe: label-content-name-mismatch), then says which passage.
          aria-label={`${analysis.quoteIds.has(q.id) ? 'In the analysis' : 'Add to analysis'}: ${clip(q.exact, 60)}`}
          onClick={() => void run(() => changeAnalysis(qc, analysis.briefId, () => client.addEvidenceRow({ analysisId: analysis.id, quoteId: q.id })))}
        >
          {analysis.quoteIds.has(q.id) ? 'In the analysis' : 'Add to analysis'}
        </button>
      )}
    </>
  );
});
