// Claims of every brief that carry the library's tag; each opens its claim in the brief.
import { useTaggedClaims } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { clip } from '../ui/format';

export function TaggedClaims({ tagId, tagName }: { tagId: number | null; tagName: string | null }) {
  const ws = useWorkspace();
  const claims = useTaggedClaims(tagId);
  if (tagId === null) return <p className="empty-note">Choose a tag above to list the claims that carry it, in every brief.</p>;
  if (claims.isPending) return <p className="empty-note">Loading claims…</p>;
  const items = claims.data?.items ?? [];
  const total = claims.data?.total ?? 0;
  if (items.length === 0) return <p className="empty-note">No claims tagged “{tagName}”.</p>;
  return (
    <>
      <p className="list-count" aria-live="polite">
        {total} {total === 1 ? 'claim' : 'claims'} tagged “{tagName}”{total > items.length ? `, the first ${items.length} shown` : ''}
      </p>
      <ul aria-label="Tagged claims" className="tagged-claims">
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => ws.openClaim(c.briefId, c.id)}>
              <span className="tagged-claim-text" dir="auto">
                {c.text.trim() ? clip(c.text, 160) : 'Claim without text'}
              </span>
              <span className="source-meta" dir="auto">
                {c.briefTitle}, claim {c.number} · {c.citations === 0 ? 'no citation' : `${c.citations} ${c.citations === 1 ? 'citation' : 'citations'}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
