// A citation as the brief shows it: "[1] Reuters". Clicking opens the passage in the reader; the
// options button changes the relation, moves the citation within its claim, or removes it.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CitationInBrief, Relation } from '../../../main/contract';
import { useGuarded } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { clip, sourceLabel } from '../ui/format';
import { moveCitation, removeCitation, setRelation } from './commands';

interface Props {
  citation: CitationInBrief;
  previousId: number | null;
  beforePreviousId: number | null;
  nextId: number | null;
}

export function CitationTag({ citation, previousId, beforePreviousId, nextId }: Props) {
  const qc = useQueryClient();
  const ws = useWorkspace();
  const [menu, setMenu] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const label = `[${citation.number}] ${sourceLabel(citation.source)}`;

  useEffect(() => {
    if (!menu) return;
    const away = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setMenu(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [menu]);

  const run = useGuarded();

  return (
    <span ref={box} className={`citation-tag ${citation.relation}`}>
      <button
        type="button"
        className="cite-open"
        title={`“${clip(citation.quote.exact, 200)}” — ${citation.source.title}`}
        onClick={() => ws.openQuote(citation.source.id, citation.quote.id, true)}
      >
        {label}
        {citation.relation !== 'supports' && <span className="relation-label"> · {citation.relation}</span>}
      </button>
      <button type="button" className="cite-menu" aria-label={`Options for citation ${citation.number}`} aria-expanded={menu} onClick={() => setMenu((m) => !m)}>
        ▾
      </button>
      {menu && (
        <span
          role="group"
          aria-label={`Citation ${citation.number} options`}
          className="popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setMenu(false);
            }
          }}
        >
          <label>
            Relation
            <select
              value={citation.relation}
              onChange={(e) => void run(() => setRelation(qc, citation.id, e.target.value as Relation))}
            >
              <option value="supports">supports</option>
              <option value="contradicts">contradicts</option>
              <option value="context">context</option>
            </select>
          </label>
          <button type="button" disabled={previousId === null} onClick={() => void run(() => moveCitation(qc, citation.id, beforePreviousId))}>
            Move earlier
          </button>
          <button type="button" disabled={nextId === null} onClick={() => void run(() => moveCitation(qc, citation.id, nextId))}>
            Move later
          </button>
          <button type="button" className="danger" onClick={() => void run(() => removeCitation(qc, citation.id))}>
            Remove citation
          </button>
        </span>
      )}
    </span>
  );
}
