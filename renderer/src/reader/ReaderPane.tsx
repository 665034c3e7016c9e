// The reader: one source's text with its passages highlighted; select text and press "Quote" (in the
// toolbar or the adder beside the selection), or "Quote and cite" to cite it in a claim at once.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Source } from '../../../main/contract';
import { useSource, useSourceQuotes } from '../api/queries';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { TagEditor } from '../ui/TagEditor';
import { clip, shortDate } from '../ui/format';
import { SourceDetailsDialog } from '../ui/source-form/SourceDetailsDialog';
import { EditIcon } from '../ui/icons';
import { QuoteDetails } from './QuoteDetails';
import { PassagePanel } from './PassagePanel';
import { QuoteList } from './QuoteList';
import { useQuoting } from '../mutations/quoting';
import { SelectionAdder } from './SelectionAdder';
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
  const ws = useWorkspace();
  const quoting = useQuoting();
  const { showError } = useErrors();
  const quotes = useSourceQuotes(source.id);
  const [tab, setTab] = useState<'passage' | 'quotes'>('passage');
  const [editing, setEditing] = useState(false);
  const { setSelection, openQuote } = ws;
  const selection = ws.selection?.sourceId === source.id ? ws.selection : null;
  const active = quotes.data?.find((q) => q.id === ws.activeQuoteId) ?? null;
  // Closing find gives the keyboard back to the text it was searching.
  const textRef = useRef<HTMLDivElement | null>(null);
  const find = useFind(
    source.id,
    useCallback(() => textRef.current?.focus(), []),
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

  // After quoting, the caret goes to the new passage's Note (unless a new claim wants its text).
  const [noteFor, setNoteFor] = useState<number | null>(null);
  const quote = useCallback(async () => {
    if (!selection) return;
    try {
      const created = await quoting.quote(selection);
      setTab('passage');
      setNoteFor(created.id);
    } catch (err) {
      showError(err);
    }
  }, [selection, quoting, showError]);
  const quoteAndCite = useCallback(
    async (claimId: number | null) => {
      if (!selection) return;
      try {
        const created = await quoting.quoteAndCite(selection, claimId);
        setTab('passage');
        if (claimId !== null) setNoteFor(created.id);
      } catch (err) {
        showError(err);
      }
    },
    [selection, quoting, showError],
  );

  // The reader body's height bounds the passage panel's.
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const [room, setRoom] = useState(600);
  useEffect(() => {
    if (!body) return;
    const observer = new ResizeObserver(() => setRoom(body.clientHeight));
    observer.observe(body);
    return () => observer.disconnect();
  }, [body]);
  const [textEl, setTextEl] = useState<HTMLDivElement | null>(null);
  const textRefs = useCallback((el: HTMLDivElement | null) => {
    textRef.current = el;
    setTextEl(el);
  }, []);

  // Outlet and author are the analyst's text in any script: each is isolated, so an Arabic outlet
  // neither turns the line around nor carries the date with it.
  const meta = [
    source.outlet && <bdi key="outlet">{source.outlet}</bdi>,
    source.author && <bdi key="author">{source.author}</bdi>,
    source.publishedAt && `Published ${shortDate(source.publishedAt)}`,
    source.accessedAt ? `Accessed ${shortDate(source.accessedAt)}` : 'Accessed not recorded',
    source.reliability && `Reliability ${source.reliability}`,
  ]
    .filter(Boolean)
    .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]));
  return (
    <div className="reader-body" ref={setBody} onKeyDown={onKeyDown}>
      <header className="source-head">
        <div className="source-title-row">
          <h3 dir="auto">{source.title}</h3>
          <button type="button" className="small" onClick={() => setEditing(true)}>
            <EditIcon /> Edit details
          </button>
        </div>
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
        {editing && <SourceDetailsDialog source={source} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      </header>
      <div className="reader-toolbar" role="toolbar" aria-label="Passage tools">
        <button type="button" className="primary" disabled={!selection} onClick={() => void quote()} title="Quote the selection (Q)" aria-keyshortcuts="Q">
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
        onQuoteFocus={(id) => openQuote(source.id, id, true)}
        onSelect={onSelect}
        containerRef={textRefs}
      />
      {selection && textEl && (
        <SelectionAdder key={`${selection.start}-${selection.end}`} container={textEl} onQuote={() => void quote()} onQuoteAndCite={(id) => void quoteAndCite(id)} />
      )}
      <PassagePanel tab={tab} onTab={setTab} quoteCount={quotes.data?.length ?? 0} room={room}>
        {tab === 'quotes' ? (
          <QuoteList quotes={quotes.data ?? []} activeQuoteId={ws.activeQuoteId} onOpen={(id) => openQuote(source.id, id)} />
        ) : active ? (
          <QuoteDetails key={active.id} quote={active} focusNote={noteFor === active.id} onNoteFocused={() => setNoteFor(null)} />
        ) : (
          <p className="empty-note">Click a highlight (or Tab to it) to see its note, credibility, tags and the claims that cite it.</p>
        )}
      </PassagePanel>
    </div>
  );
}
