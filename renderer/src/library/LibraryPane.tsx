// The library: every source, filtered by words or by tag, with Add source and delete; the quote bank
// (every passage); and the claims of a tag. The tag filter narrows all three, and each list says
// when the tag leaves it empty while the others hold something.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SourceSummary } from '../../../main/contract';
import { useSourceList, useTags } from '../api/queries';
import { deleteSource } from '../mutations/sources';
import { useWorkspace } from '../state/workspace';
import { useDebounced } from '../ui/useDebounced';
import { DeleteEvidenceDialog } from '../ui/DeleteEvidenceDialog';
import { AddSourceDialog } from './AddSourceDialog';
import { SourceDetailsDialog } from '../ui/source-form/SourceDetailsDialog';
import { SourceList } from './SourceList';
import { QuoteBank } from './QuoteBank';
import { TaggedClaims } from './TaggedClaims';
import { emptyNote } from './emptyNote';
import './library.css';

type ListTab = 'sources' | 'quotes' | 'claims';
const TAB_LABEL: Record<ListTab, string> = { sources: 'Sources', quotes: 'Quotes', claims: 'Claims' };

interface Props {
  /** Tools of other features shown in the header before "Add source" (the Backups button). */
  tools?: ReactNode;
  /** The import panel, shown above the lists. */
  importer?: ReactNode;
}

export function LibraryPane({ tools, importer }: Props) {
  const qc = useQueryClient();
  const ws = useWorkspace();
  const [filterText, setFilterText] = useState('');
  const [tab, setTab] = useState<ListTab>('sources');
  const tagId = ws.libraryTagId;
  const setTagId = ws.filterByTag;
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<SourceSummary | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const filter = useDebounced(filterText.trim(), 200);
  const tags = useTags();
  const tag = tags.data?.find((t) => t.id === tagId) ?? null;
  const counts: Record<ListTab, number | null> = tag ? { sources: tag.sources, quotes: tag.quotes, claims: tag.claims } : { sources: null, quotes: null, claims: null };
  const list = useSourceList(filter, tagId);
  const sources = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const editing = sources.find((s) => s.id === editingId) ?? null;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const nearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="pane library-pane" aria-labelledby="library-heading">
      <div className="pane-header">
        <h2 id="library-heading">Library</h2>
        {tools}
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add source
        </button>
      </div>
      <div className="library-filters">
        <input type="search" dir="auto" aria-label="Filter sources" placeholder="Filter by title, outlet, author" value={filterText} onChange={(e) => setFilterText(e.target.value)} />
        <select aria-label="Filter by tag" value={tagId ?? ''} onChange={(e) => setTagId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">All tags</option>
          {tags.data?.map((t) => (
            <option key={t.id} value={t.id} dir="auto">
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {importer}
      <div role="tablist" aria-label="Library lists" className="tabs library-tabs">
        {(Object.keys(TAB_LABEL) as ListTab[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {TAB_LABEL[t]}
            {counts[t] !== null && ` (${counts[t]})`}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TAB_LABEL[tab]} className="library-tab-panel">
        {tab === 'quotes' ? (
          <QuoteBank tagId={tagId} tagName={tag?.name ?? null} />
        ) : tab === 'claims' ? (
          <TaggedClaims tagId={tagId} tagName={tag?.name ?? null} />
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {list.isPending ? 'Loading sources…' : `${total} ${total === 1 ? 'source' : 'sources'}${tag ? ` tagged “${tag.name}”` : ''}`}
            </p>
            {!list.isPending && sources.length === 0 ? (
              <>
                <p className="empty-note">{emptyNote('source', [tag && `tagged “${tag.name}”`, filter && `matching “${filter}”`].filter((x): x is string => !!x))}</p>
                {tag && tag.quotes + tag.claims > 0 && (
                  <div className="empty-actions">
                    {tag.quotes > 0 && (
                      <button type="button" className="small" onClick={() => setTab('quotes')}>
                        Show {tag.quotes} tagged {tag.quotes === 1 ? 'quote' : 'quotes'}
                      </button>
                    )}
                    {tag.claims > 0 && (
                      <button type="button" className="small" onClick={() => setTab('claims')}>
                        Show {tag.claims} tagged {tag.claims === 1 ? 'claim' : 'claims'}
                      </button>
                    )}
                  </div>
                )}
              </>
            ) : (
              <SourceList sources={sources} total={total} openId={ws.sourceId} onOpen={ws.openSource} onDelete={setDeleting} onEdit={setEditingId} onNearEnd={nearEnd} />
            )}
          </>
        )}
      </div>
      <AddSourceDialog open={adding} onClose={() => setAdding(false)} onAdded={(id) => ws.openSource(id)} />
      {editing && <SourceDetailsDialog key={editing.id} source={editing} onClose={() => setEditingId(null)} onSaved={() => setEditingId(null)} />}
      <DeleteEvidenceDialog
        title="Delete source"
        open={deleting !== null}
        question={
          <>
            Delete “<bdi>{deleting?.title ?? ''}</bdi>” and all its quotes? This cannot be undone.
          </>
        }
        onClose={() => setDeleting(null)}
        run={async (removeCitations) => {
          if (!deleting) return;
          await deleteSource(qc, deleting.id, removeCitations);
          if (ws.sourceId === deleting.id) ws.openSource(null);
        }}
      />
    </section>
  );
}
