// Ctrl+K: one search over sources, quotes, claims and tags. Arrow keys move, Enter opens the hit in
// place: a source opens at its first match, found in the reader; a tag filters the library by it.
import { useMemo, useState } from 'react';
import type { SearchHit, TagWithUse } from '../../../main/contract';
import { useSearch } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { Combobox } from '../ui/Combobox';
import { Dialog } from '../ui/Dialog';
import { useDebounced } from '../ui/useDebounced';
import { Snippet } from './Snippet';

const KIND_LABEL = { source: 'Source', quote: 'Quote', claim: 'Claim', tag: 'Tag' } as const;

type Hit = SearchHit | (TagWithUse & { kind: 'tag' });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const tagUse = (t: TagWithUse) =>
  [t.sources && plural(t.sources, 'source'), t.quotes && plural(t.quotes, 'quote'), t.claims && plural(t.claims, 'claim')].filter(Boolean).join(', ') || 'not used yet';

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
  const query = useDebounced(text.trim(), 150);
  const [wordForms, setWordForms] = useState(true);
  const result = useSearch(query, wordForms);
  const hits = useMemo<Hit[]>(
    () =>
      result.data && query
        ? [...result.data.sources, ...result.data.quotes, ...result.data.claims, ...result.data.tags.map((t) => ({ ...t, kind: 'tag' as const }))]
        : [],
    [result.data, query],
  );

  const openHit = (hit: Hit) => {
    onClose();
    if (hit.kind === 'tag') ws.filterByTag(hit.id);
    else if (hit.kind === 'source') ws.openSourceAt(hit.id, query);
    else if (hit.kind === 'quote' && hit.sourceId !== null) ws.openQuote(hit.sourceId, hit.id, true);
    else if (hit.kind === 'claim' && hit.briefId !== null) ws.openClaim(hit.briefId, hit.id, true);
  };

  return (
    <Combobox
      label="Search sources, quotes and claims"
      value={text}
      onChange={setText}
      items={hits}
      keyOf={(hit) => `${hit.kind}-${hit.id}`}
      onChoose={openHit}
      listLabel="Search results"
      listClassName="search-results"
      optionClassName={(active) => (active ? 'hit active' : 'hit')}
      renderOption={(hit) => (
        <>
          <span className={`hit-kind ${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
          {hit.kind === 'tag' ? (
            <>
              <span className="hit-title">
                <span className="tag-swatch" style={{ background: hit.colour }} aria-hidden="true" />
                {hit.name}
              </span>
              <span className="snippet">Tags {tagUse(hit)}</span>
            </>
          ) : (
            <>
              <span className="hit-title" dir="auto">
                {hit.title}
                {hit.wordForm && <span className="word-form"> · another form of the word</span>}
              </span>
              <Snippet text={hit.snippet} />
            </>
          )}
        </>
      )}
    >
      <label className="search-option">
        <input type="checkbox" checked={wordForms} onChange={(e) => setWordForms(e.target.checked)} />
        Also other forms of the words (Турция finds Турцию, exercise finds exercised)
      </label>
      <p className="search-state" aria-live="polite">
        {!query ? 'Type to search.' : result.isError ? result.error.message : result.isFetching && hits.length === 0 ? 'Searching…' : plural(hits.length, 'result')}
      </p>
      {query && result.data?.notice && (
        <p className="search-notice" role="note">
          {result.data.notice}
        </p>
      )}
    </Combobox>
  );
}
