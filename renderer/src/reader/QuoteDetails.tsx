// One passage: its note, credibility and tags, the claims that cite it (backlinks), and delete.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Credibility, QuoteWithUse } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { invalidateEvidence } from '../api/queries';
import { useAutosave } from '../state/autosave';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';
import { TagEditor } from '../tags/TagEditor';
import { DeleteEvidenceDialog } from '../ui/DeleteEvidenceDialog';
import { clip, firstSentence } from '../ui/format';
import { TextArea } from '../ui/TextArea';
import { CREDIBILITIES, credibilityLabel, pageLabel } from '../../../main/vocabulary';

interface Props {
  quote: QuoteWithUse;
  /** Put the caret in the Note field on opening (right after the passage was quoted). */
  focusNote?: boolean;
  onNoteFocused?(): void;
}

export function QuoteDetails({ quote, focusNote, onNoteFocused }: Props) {
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focusNote) return;
    noteField.current?.focus();
    onNoteFocused?.();
  }, [focusNote, onNoteFocused]);
  const qc = useQueryClient();
  const ws = useWorkspace();
  const { showError } = useErrors();
  const [deleting, setDeleting] = useState(false);
  const note = useAutosave(quote.note, async (next) => {
    await client.updateQuote({ id: quote.id, note: next });
    await qc.invalidateQueries({ queryKey: keys.quotes });
  });

  const setCredibility = async (value: string) => {
    try {
      await client.updateQuote({ id: quote.id, credibility: value ? (Number(value) as Credibility) : null });
      await qc.invalidateQueries({ queryKey: keys.quotes });
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="quote-details">
      <blockquote className="quote-exact" dir="auto">{clip(quote.exact, 400)}</blockquote>
      {quote.pages && <p className="quote-pages">{pageLabel(quote.pages)} of the PDF</p>}
      <div className="quote-fields">
        <label>
          Note
          <TextArea ref={noteField} rows={2} dir="auto" value={note.draft} onChange={(e) => note.setDraft(e.target.value)} onBlur={() => void note.flush()} />
        </label>
        <label>
          Credibility
          <select value={quote.credibility ?? ''} onChange={(e) => void setCredibility(e.target.value)}>
            <option value="">Not rated</option>
            {CREDIBILITIES.map((c) => (
              <option key={c} value={c}>
                {credibilityLabel(c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TagEditor target={{ kind: 'quote', id: quote.id }} tags={quote.tags} what="this passage" />
      <div className="cited-by">
        <h4>Cited by</h4>
        {quote.citedBy.length === 0 ? (
          <p className="empty-note">No claim cites this passage yet.</p>
        ) : (
          <ul aria-label="Claims citing this passage">
            {quote.citedBy.map((c) => (
              <li key={c.citationId}>
                <button type="button" className="link-button" title={c.claimText} onClick={() => ws.openClaim(c.briefId, c.claimId)}>
                  <bdi>{c.briefTitle}</bdi>, claim {c.claimNumber}
                  {c.relation !== 'supports' && ` (${c.relation})`}: <bdi>{firstSentence(c.claimText) || '(empty claim)'}</bdi>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="danger small" onClick={() => setDeleting(true)}>
        Delete passage
      </button>
      <DeleteEvidenceDialog
        title="Delete passage"
        open={deleting}
        question="Delete this passage and its highlight?"
        onClose={() => setDeleting(false)}
        run={async (removeCitations) => {
          await client.deleteQuote({ id: quote.id, removeCitations });
          ws.setActiveQuote(null);
          await invalidateEvidence(qc);
        }}
      />
    </div>
  );
}
