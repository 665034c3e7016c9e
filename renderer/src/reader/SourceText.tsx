// The source body with its quotes highlighted, drawn as plain text runs (never as HTML) and
// virtualised by paragraph: a 50,000-word source puts only the visible paragraphs in the DOM.
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QuoteWithUse } from '../../../main/contract';
import { paragraphAt, paragraphSpans, quotesByParagraph, splitParagraphs, type Paragraph, type QuoteRange } from './segments';
import { selectionOffsets } from './selection';
import { markFound } from './findMarks';
import type { Match } from './useFind';

/** Find in source: its matches over the whole body, the current one, and requests to scroll to it. */
export interface FoundInText {
  matches: Match[];
  current: number;
  scrollRequest: number;
}

const NOTHING_FOUND: FoundInText = { matches: [], current: 0, scrollRequest: 0 };
const NO_HITS: QuoteRange[] = [];

interface Props {
  body: string;
  quotes: QuoteWithUse[];
  activeQuoteId: number | null;
  focusRequest: number;
  onQuoteClick(quoteId: number): void;
  onSelect(range: { start: number; end: number } | null): void;
  /** Receives the scrolling element (the adder follows the selection inside it). */
  containerRef?(el: HTMLDivElement | null): void;
  found?: FoundInText;
  /** Makes a passage active and moves focus to its highlight (arrow keys between highlights). */
  onQuoteFocus(quoteId: number): void;
}

export function SourceText({ body, quotes, activeQuoteId, focusRequest, onQuoteClick, onSelect, containerRef, onQuoteFocus, found = NOTHING_FOUND }: Props) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const setScroller = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      containerRef?.(el);
    },
    [containerRef],
  );
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);
  const byParagraph = useMemo(() => quotesByParagraph(paragraphs, quotes), [paragraphs, quotes]);
  const byId = useMemo(() => new Map(quotes.map((q) => [q.id, q])), [quotes]);
  const estimates = useMemo(() => paragraphs.map((p) => Math.max(1, Math.ceil((p.end - p.start) / 65)) * 26 + 4), [paragraphs]);
  const virtual = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimates[i] ?? 30,
    overscan: 6,
  });

  // Scroll the active passage into view and move focus to it, once its row is drawn and measured.
  const active = activeQuoteId === null ? undefined : byId.get(activeQuoteId);
  useEffect(() => {
    if (!focusRequest || !active) return;
    let frames = 0;
    let settled = 0;
    let handle = 0;
    virtual.scrollToIndex(paragraphAt(paragraphs, active.start), { align: 'center' });
    const tick = () => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-quote-starts~="${active.id}"]`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        if (++settled >= 3) {
          el.focus({ preventScroll: true });
          return;
        }
      }
      if (++frames < 60) handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
    // Only a new request moves the view; re-renders while it settles must not restart it.
  }, [focusRequest, active?.id]);

  // Find: the matches of each paragraph (ids are their indexes), and a scroll to the current one.
  const hitsByParagraph = useMemo(() => quotesByParagraph(paragraphs, found.matches.map((m, i) => ({ id: i, ...m }))), [paragraphs, found.matches]);
  const currentMatch = found.matches[found.current];
  useEffect(() => {
    if (!found.scrollRequest || !currentMatch) return;
    let frames = 0;
    let settled = 0;
    let handle = 0;
    virtual.scrollToIndex(paragraphAt(paragraphs, currentMatch.start), { align: 'center' });
    const tick = () => {
      const el = scroller.current?.querySelector<HTMLElement>('[data-find-current]');
      if (el && ++settled >= 3) {
        el.scrollIntoView({ block: 'center' });
        return;
      }
      if (++frames < 60) handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
    // Only a new request moves the view.
  }, [found.scrollRequest]);
  const currentParagraph = currentMatch ? paragraphAt(paragraphs, currentMatch.start) : -1;

  // Follow the selection inside the text; a selection elsewhere (a button, a field) leaves it alone.
  useEffect(() => {
    let frame = 0;
    const changed = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const root = scroller.current;
        const sel = window.getSelection();
        if (!root || !sel || sel.rangeCount === 0) return;
        if (!root.contains(sel.anchorNode)) return;
        onSelect(selectionOffsets(root));
      });
    };
    document.addEventListener('selectionchange', changed);
    return () => {
      document.removeEventListener('selectionchange', changed);
      cancelAnimationFrame(frame);
    };
  }, [onSelect]);

  // Arrow keys on a highlight go to the next or previous passage in the whole text, drawn or not.
  const ordered = useMemo(() => [...quotes].sort((a, b) => a.start - b.start || a.end - b.end), [quotes]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = (e.target as HTMLElement).getAttribute('data-quote-starts');
    if (from === null) return;
    const ids = from.split(' ').map(Number);
    const current = ordered.findIndex((q) => ids.includes(q.id));
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onQuoteClick(ids[0] as number);
      return;
    }
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || current < 0) return;
    e.preventDefault();
    // Passages starting at the same offset share one stop; skip to the next start.
    let i = current + step;
    while (i >= 0 && i < ordered.length && (ordered[i] as QuoteWithUse).start === (ordered[current] as QuoteWithUse).start) i += step;
    const next = ordered[i];
    if (next) onQuoteFocus(next.id);
  };

  return (
    <div
      ref={setScroller}
      className="source-text"
      role="region"
      aria-label="Source text"
      aria-description="Tab reaches each highlighted passage; arrow keys move between passages, Enter opens one."
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="virtual-inner" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((row) => {
          const p = paragraphs[row.index] as Paragraph;
          const here = byParagraph[row.index] as QuoteRange[];
          const activeHere = active && here.some((q) => q.id === active.id) ? active : null;
          return (
            <div key={row.key} data-index={row.index} ref={virtual.measureElement} className="para-row" style={{ transform: `translateY(${row.start}px)` }}>
              <ParagraphText
                body={body}
                p={p}
                quotes={here}
                byId={byId}
                active={activeHere}
                onQuoteClick={onQuoteClick}
                hits={hitsByParagraph[row.index] ?? NO_HITS}
                currentHit={currentMatch && (row.index === currentParagraph || (currentMatch.start < p.end && currentMatch.end > p.start)) ? found.current : -1}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface ParagraphProps {
  body: string;
  p: Paragraph;
  quotes: QuoteRange[];
  byId: Map<number, QuoteWithUse>;
  active: QuoteWithUse | null;
  onQuoteClick(quoteId: number): void;
  hits: QuoteRange[];
  currentHit: number;
}

const ParagraphText = memo(function ParagraphText({ body, p, quotes, byId, active, onQuoteClick, hits, currentHit }: ParagraphProps) {
  const spans = paragraphSpans(p, quotes);
  return (
    <p className={p.end === p.start ? 'para empty' : 'para'} dir="auto" data-start={p.start} data-end={p.end}>
      {spans.map((s) => {
        const text = markFound(body, s.start, s.end, hits, currentHit);
        if (s.quoteIds.length === 0)
          return (
            <span key={s.start} data-start={s.start}>
              {text}
            </span>
          );
        const isActive = active !== null && s.quoteIds.includes(active.id);
        // Where passages overlap, a click picks the shortest: the one the analyst most likely means.
        const target = s.quoteIds.map((id) => byId.get(id)).reduce((a, b) => (b && (!a || b.end - b.start < a.end - a.start) ? b : a), undefined as QuoteWithUse | undefined);
        const cited = s.quoteIds.some((id) => (byId.get(id)?.citedBy.length ?? 0) > 0);
        // The run where a passage starts is its keyboard stop, named by the passage and its use. The
        // name holds the whole passage, never a clipped one: the run's own text is part of it, as
        // speech input needs (axe's label-content-name-mismatch).
        const starting = s.quoteIds.filter((id) => byId.get(id)?.start === s.start);
        const first = starting.length > 0 ? byId.get(starting[0] as number) : undefined;
        const isActiveStop = isActive && active.start === s.start;
        const stop = first
          ? {
              tabIndex: 0,
              role: 'button',
              'data-quote-starts': starting.join(' '),
              'aria-label': isActiveStop ? `Active passage: ${active.exact}` : `Passage: ${first.exact}`,
              'aria-description': usesText(isActiveStop ? active : first),
              'aria-current': isActiveStop ? ('true' as const) : undefined,
            }
          : {};
        return (
          <mark
            key={s.start}
            data-start={s.start}
            className={`hl${cited ? ' cited' : ''}${s.quoteIds.length > 1 ? ' overlap' : ''}${isActive ? ' active' : ''}`}
            title={target ? citedByTitle(target) : undefined}
            onClick={() => target && onQuoteClick(target.id)}
            {...stop}
          >
            {text}
          </mark>
        );
      })}
    </p>
  );
});

function usesText(q: QuoteWithUse): string {
  return q.citedBy.length === 0 ? 'Not cited yet' : `Cited by ${q.citedBy.length} ${q.citedBy.length === 1 ? 'claim' : 'claims'}`;
}

function citedByTitle(q: QuoteWithUse): string {
  if (q.citedBy.length === 0) return 'Quoted passage, not cited yet. Click for details.';
  const claims = q.citedBy.map((c) => `${c.briefTitle}, claim ${c.claimNumber}${c.relation === 'supports' ? '' : ` (${c.relation})`}`);
  return `Cited by ${claims.join('; ')}. Click for details.`;
}
