// Ctrl+K: one search over sources, quotes and claims. Arrow keys move, Enter opens the hit in place.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../main/contract';
import { useSearch } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { Dialog } from '../ui/Dialog';
import { useDebounced } from '../ui/useDebounced';
import { Snippet } from './Snippet';

const KIND_LABEL = { source: 'Source', quote: 'Quote', claim: 'Claim' } as const;

export function SearchDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog title="Search" open={open} onClose={onClose} className="search-dialog">
      {open && <SearchBox onClose={onClose} />}
    </Dialog>
  );
}

/** Mounted per opening, so each search starts empty with the first hit active. */
function SearchBox({ onClose }: { onClose(): void }) {
  const ws = useWorkspace();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 150);
  const result = useSearch(query);
  const listId = useId();
  const hits = useMemo<SearchHit[]>(
    () => (result.data && query ? [...result.data.sources, ...result.data.quotes, ...result.data.claims] : []),
    [result.data, query],
  );
  useEffect(() => setActive(0), [hits]);

  const openHit = (hit: SearchHit) => {
    onClose();
    if (hit.kind === 'source') ws.openSource(hit.id);
    else if (hit.kind === 'quote' && hit.sourceId !== null) ws.openQuote(hit.sourceId, hit.id, true);
    else if (hit.kind === 'claim' && hit.briefId !== null) ws.openClaim(hit.briefId, hit.id, true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) openHit(hit);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <>
      <input
        type="text"
        role="combobox"
        aria-label="Search sources, quotes and claims"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(active) : undefined}
        aria-autocomplete="list"
        autoFocus
        value={text}
        placeholder="Search sources, quotes and claims"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="search-state" aria-live="polite">
        {!query ? 'Type to search.' : result.isError ? result.error.message : result.isFetching && hits.length === 0 ? 'Searching…' : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`}
      </p>
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}-${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'hit active' : 'hit'}
            onMouseEnter={() => setActive(i)}
            onClick={() => openHit(hit)}
          >
            <span className={`hit-kind ${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
            <span className="hit-title" dir="auto">
              {hit.title}
            </span>
            <Snippet text={hit.snippet} />
          </li>
        ))}
      </ul>
    </>
  );
}
