// The reader: one source's text with its passages highlighted; select text and press "Quote".
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Source } from '../../../main/contract';
import { client } from '../api/client';
import { invalidateEvidence, useSource, useSourceQuotes } from '../api/queries';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { TagEditor } from '../tags/TagEditor';
import { clip, shortDate } from '../ui/format';
import { QuoteDetails } from './QuoteDetails';
import { QuoteList } from './QuoteList';
import { SourceText } from './SourceText';
import { trimRange } from './segments';
import { FindBar } from './FindBar';
import { useFind } from './useFind';

export function ReaderPane() {
  const ws = useWorkspace();
  const source = useSource(ws.sourceId);
  return (
    <section className="pane reader-pane" aria-labelledby="reader-heading">
      <div className="pane-header">
        <h2 id="reader-heading">Reader</h2>
      </div>
      {ws.sourceId === null ? (
        <p className="empty-note">Open a source from the library to read and quote it.</p>
      ) : source.data ? (
        <OpenSource source={source.data} />
      ) : source.isError ? (
        <p className="empty-note">This source could not be opened.</p>
      ) : (
        <p className="empty-note">Opening…</p>
      )}
    </section>
  );
}

function OpenSource({ source }: { source: Source }) {
  const qc = useQueryClient();
  const ws = useWorkspace();
  const { showError } = useErrors();
  const quotes = useSourceQuotes(source.id);
  const [tab, setTab] = useState<'passage' | 'quotes'>('passage');
  const { setSelection, openQuote } = ws;
  const selection = ws.selection?.sourceId === source.id ? ws.selection : null;
  const active = quotes.data?.find((q) => q.id === ws.activeQuoteId) ?? null;
  const body = useRef<HTMLDivElement>(null);
  // Closing find gives the keyboard back to the text it was searching.
  const find = useFind(
    source.id,
    useCallback(() => body.current?.querySelector<HTMLElement>('[aria-label="Source text"]')?.focus(), []),
  );
  const { land } = find;
  const landing = ws.findRequest?.sourceId === source.id ? ws.findRequest : null;
  useEffect(() => {
    if (landing) land(landing.query);
  }, [landing?.n, land]);

  // Ctrl+F anywhere in the reader opens find in this source instead of the browser's find, which
  // cannot see the paragraphs not drawn.
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      find.show();
    }
  };

  useEffect(() => {
    if (ws.activeQuoteId !== null) setTab('passage');
  }, [ws.activeQuoteId, ws.quoteFocusRequest]);

  const onSelect = useCallback(
    (range: { start: number; end: number } | null) => {
      const trimmed = range && trimRange(source.body, range.start, range.end);
      setSelection(trimmed ? { sourceId: source.id, ...trimmed, exact: source.body.slice(trimmed.start, trimmed.end) } : null);
    },
    [source, setSelection],
  );

  const quote = async () => {
    if (!selection) return;
    try {
      const created = await client.createQuote({ sourceId: source.id, start: selection.start, end: selection.end, exact: selection.exact });
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      await invalidateEvidence(qc);
      openQuote(source.id, created.id, false);
    } catch (err) {
      showError(err);
    }
  };

  // Outlet and author are the analyst's text in any script: each is isolated, so an Arabic outlet
  // neither turns the line around nor carries the date with it.
  const meta = [
    source.outlet && <bdi key="outlet">{source.outlet}</bdi>,
    source.author && <bdi key="author">{source.author}</bdi>,
    shortDate(source.publishedAt),
    source.reliability && `Reliability ${source.reliability}`,
  ]
    .filter(Boolean)
    .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]));
  return (
    <div className="reader-body" ref={body} onKeyDown={onKeyDown}>
      <header className="source-head">
        <h3 dir="auto">{source.title}</h3>
        <p className="source-meta">
          {meta}
          {source.url && (
            <>
              {meta.length > 0 && ' · '}
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {clip(source.url, 60)}
              </a>
            </>
          )}
        </p>
        <TagEditor target={{ kind: 'source', id: source.id }} tags={source.tags} what="this source" />
      </header>
      <div className="reader-toolbar" role="toolbar" aria-label="Passage tools">
        <button type="button" className="primary" disabled={!selection} onClick={() => void quote()}>
          Quote
        </button>
        <span className="selection-preview" aria-live="polite">
          {selection ? (
            <>
              Selected: “<bdi>{clip(selection.exact, 80)}</bdi>”
            </>
          ) : (
            'Select text to quote it.'
          )}
        </span>
      </div>
      <FindBar find={find} />
      <SourceText
        found={find.open ? find : undefined}
        body={source.body}
        quotes={quotes.data ?? []}
        activeQuoteId={ws.activeQuoteId}
        focusRequest={ws.quoteFocusRequest}
        onQuoteClick={(id) => openQuote(source.id, id, false)}
        onSelect={onSelect}
      />
      <div className="reader-panel">
        <div role="tablist" aria-label="Passages" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'passage'} onClick={() => setTab('passage')}>
            Selected passage
          </button>
          <button type="button" role="tab" aria-selected={tab === 'quotes'} onClick={() => setTab('quotes')}>
            All quotes ({quotes.data?.length ?? 0})
          </button>
        </div>
        <div role="tabpanel" aria-label={tab === 'passage' ? 'Selected passage' : 'All quotes'} className="tab-panel">
          {tab === 'quotes' ? (
            <QuoteList quotes={quotes.data ?? []} activeQuoteId={ws.activeQuoteId} onOpen={(id) => openQuote(source.id, id)} />
          ) : active ? (
            <QuoteDetails key={active.id} quote={active} />
          ) : (
            <p className="empty-note">Click a highlight to see its note, credibility, tags and the claims that cite it.</p>
          )}
        </div>
      </div>
    </div>
  );
}
