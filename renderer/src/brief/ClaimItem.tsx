// One claim: its text (autosaved), confidence, citation tags, tags, and the ways to cite a passage.
import { memo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClaimInBrief, Confidence, Likelihood, LikelihoodRow } from '../../../main/contract';
import { CONFIDENCE_WORDS, CONFIDENCES, LIKELIHOOD_PERCENT, LIKELIHOOD_ROWS, LIKELIHOOD_TERMS, LIKELIHOODS } from '../../../main/vocabulary';
import { FixedSelect, type Choices } from '../ui/FixedSelect';
import { useAutosave } from '../state/autosave';
import { useGuarded } from '../state/errors';
import { useWorkspaceStore } from '../state/workspace';
import { QUOTE_DRAG_TYPE } from '../ui/drag';
import { useQuoting } from '../mutations/quoting';
import { TagEditor } from '../ui/TagEditor';
import type { CitedEvidence } from '../../../main/tradecraft/evidence';
import { CitationTag } from './CitationTag';
import { addCitation } from '../mutations/citations';
import { deleteClaim, editClaimText, setConfidence, setLikelihood } from '../mutations/claims';
import { EvidenceStrength, TradecraftNotes } from './ClaimTradecraft';
import { QuotePicker } from '../ui/QuotePicker';
import { TextArea } from '../ui/TextArea';
import { DragIcon, TrashIcon } from '../ui/icons';

export const CLAIM_DRAG_TYPE = 'application/x-sourcemark-claim';

// The selects' choices, one array per row of the scale (FixedSelect prepares their options once per array).
const likelihoodChoices = (row: LikelihoodRow): Choices => [['', 'Likelihood not set'], ...LIKELIHOODS.map((l) => [l, `${LIKELIHOOD_TERMS[row][l]} (${LIKELIHOOD_PERCENT[l]})`] as const)];
const LIKELIHOOD_CHOICES = Object.fromEntries(LIKELIHOOD_ROWS.map((row) => [row, likelihoodChoices(row)])) as Record<LikelihoodRow, Choices>;
const CONFIDENCE_CHOICES: Choices = [['', 'Confidence not set'], ...CONFIDENCES.map((c) => [c, CONFIDENCE_WORDS[c]] as const)];

interface Props {
  claim: ClaimInBrief;
  selected: boolean;
  /** The brief's row of ICD 203 likelihood words. */
  likelihoodRow: LikelihoodRow;
  /** The brief's cited passages and sources, which citations name by id. */
  cited: CitedEvidence;
  onMove(claimId: number, direction: -1 | 1): void;
  onDropClaim(draggedId: number, targetId: number, after: boolean): void;
  /** About how many characters fit on a line of the claim's text field at the list's width. */
  charsPerLine: number;
}

export const ClaimItem = memo(function ClaimItem({ claim, selected, likelihoodRow, cited, onMove, onDropClaim, charsPerLine }: Props) {
  const qc = useQueryClient();
  // The reader's selection and active passage are read when the button is pressed, not subscribed to:
  // a claim re-renders when its own data or its selectedness changes, not when the reader's does.
  const ws = useWorkspaceStore();
  const [picking, setPicking] = useState(false);
  const [dropping, setDropping] = useState(false);
  const n = claim.number;
  const text = useAutosave(claim.text, (next) => editClaimText(qc, claim.id, next));

  const run = useGuarded();
  const quoting = useQuoting();

  const citeSelected = () =>
    run(async () => {
      const { selection: sel, activeQuoteId } = ws.get();
      if (sel) {
        await quoting.quoteAndCite(sel, claim.id);
      } else if (activeQuoteId !== null) {
        await addCitation(qc, claim.id, activeQuoteId);
      } else {
        throw new Error('Select text in the reader, or click a highlighted passage, then choose “Cite selected passage”.');
      }
    });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      void text.flush();
      onMove(claim.id, e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(QUOTE_DRAG_TYPE) || e.dataTransfer.types.includes(CLAIM_DRAG_TYPE);
  const onDrop = (e: DragEvent) => {
    setDropping(false);
    const quoteId = Number(e.dataTransfer.getData(QUOTE_DRAG_TYPE));
    const claimId = Number(e.dataTransfer.getData(CLAIM_DRAG_TYPE));
    if (!quoteId && !claimId) return;
    e.preventDefault();
    if (quoteId) void run(() => addCitation(qc, claim.id, quoteId));
    else if (claimId !== claim.id) {
      const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
      onDropClaim(claimId, claim.id, e.clientY > box.top + box.height / 2);
    }
  };

  const cits = claim.citations;
  return (
    <article
      tabIndex={0}
      aria-label={`Claim ${n}`}
      aria-current={selected ? 'true' : undefined}
      data-claim-id={claim.id}
      className={`claim${selected ? ' selected' : ''}${dropping ? ' drop-target' : ''}`}
      onFocus={() => !selected && ws.openClaim(claim.briefId, claim.id, false)}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className="claim-head">
        <span
          className="drag-handle"
          draggable
          title="Drag to reorder (or Alt+Arrow keys)"
          aria-hidden="true"
          onDragStart={(e) => {
            e.dataTransfer.setData(CLAIM_DRAG_TYPE, String(claim.id));
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <DragIcon />
        </span>
        <span className="claim-number" aria-hidden="true">
          {n}
        </span>
        <FixedSelect
          aria-label={`Likelihood of claim ${n}`}
          choices={LIKELIHOOD_CHOICES[likelihoodRow]}
          value={claim.likelihood ?? ''}
          onChoose={(v) => void run(() => setLikelihood(qc, claim.id, (v || null) as Likelihood | null))}
        />
        <FixedSelect
          aria-label={`Confidence of claim ${n}`}
          choices={CONFIDENCE_CHOICES}
          value={claim.confidence ?? ''}
          onChoose={(v) => void run(() => setConfidence(qc, claim.id, (v || null) as Confidence | null))}
        />
        <button type="button" className="icon-button" aria-label={`Delete claim ${n}`} onClick={() => void run(() => deleteClaim(qc, claim.id))}>
          <TrashIcon />
        </button>
      </div>
      <TextArea
        className="claim-text"
        aria-label={`Text of claim ${n}`}
        dir="auto"
        rows={textRows(text.draft, charsPerLine)}
        value={text.draft}
        placeholder="Write the claim…"
        onChange={(e) => {
          text.setDraft(e.target.value);
          fitHeight(e.target);
        }}
        onFocus={(e) => fitHeight(e.currentTarget)}
        onBlur={() => void text.flush()}
      />
      <div className="claim-citations" role="group" aria-label={`Citations of claim ${n}`}>
        {cits.map((c, i) => (
          <CitationTag key={c.id} citation={c} cited={cited} previousId={cits[i - 1]?.id ?? null} beforePreviousId={cits[i - 2]?.id ?? null} nextId={cits[i + 1]?.id ?? null} />
        ))}
        {cits.length === 0 && <span className="uncited">No citation yet</span>}
        <EvidenceStrength claim={claim} cited={cited} />
      </div>
      <TradecraftNotes claim={claim} cited={cited} draft={text.draft} row={likelihoodRow} />
      <div className="claim-actions">
        <button type="button" className="small" aria-label={`Cite selected passage in claim ${n}`} onClick={() => void citeSelected()}>
          Cite selected passage
        </button>
        <button type="button" className="small" aria-label={`Cite a quote in claim ${n}`} onClick={() => setPicking(true)}>
          Cite a quote…
        </button>
        <TagEditor target={{ kind: 'claim', id: claim.id }} tags={claim.tags} what={`claim ${n}`} />
      </div>
      {picking && (
        <QuotePicker
          open
          title={`Cite a quote in claim ${n}`}
          action="cites it"
          onClose={() => setPicking(false)}
          onPick={(quoteId) => {
            setPicking(false);
            void run(() => addCitation(qc, claim.id, quoteId));
          }}
        />
      )}
    </article>
  );
});

/**
 * Rows for a claim's text without measuring it: CSS `field-sizing: content` measured every row as it
 * scrolled into a long brief and cost frames of 200 ms and more, so rows are worked out from the text
 * and the list's width (characters per line, measured once per width), and only the field in focus
 * is fitted exactly, growing as it is typed in.
 */
export function textRows(text: string, charsPerLine: number): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return Math.min(MAX_ROWS, Math.max(2, lines));
}

const MAX_ROWS = 40;

export function fitHeight(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}
