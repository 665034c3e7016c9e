// The product template of a brief (issue 11) and its source summary statement: who issues it, who may
// read it, how current it is, the portion mark, and the row of ICD 203 likelihood words it uses.
// Text saves as the analyst types; choices save at once.
import { useQueryClient } from '@tanstack/react-query';
import type { BriefFull, BriefMeta, LikelihoodRow } from '../../../main/contract';
import { draftSourceSummary } from '../../../main/tradecraft/source-summary';
import { ProseTradecraftNotes } from './ClaimTradecraft';
import { LIKELIHOOD_ROW_WORDS, LIKELIHOOD_ROWS, LIMITS } from '../../../main/vocabulary';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useAutosave } from '../state/autosave';
import { useErrors } from '../state/errors';
import { TextArea } from '../ui/TextArea';

type TextField = 'author' | 'organisation' | 'dissemination' | 'portionMark' | 'sourceSummary';

export function ProductFields({ brief }: { brief: BriefFull }) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const save = async (patch: Partial<Pick<BriefMeta, TextField | 'cutoffDate' | 'likelihoodRow'>>) => {
    try {
      const meta = await client.updateBrief({ id: brief.id, ...patch });
      qc.setQueryData<BriefFull>(keys.brief(brief.id), (b) => (b ? { ...b, ...meta } : b));
    } catch (err) {
      showError(err);
      throw err;
    }
  };
  const saver = (field: TextField) => (next: string) => save({ [field]: next });
  const author = useAutosave(brief.author, saver('author'));
  const organisation = useAutosave(brief.organisation, saver('organisation'));
  const dissemination = useAutosave(brief.dissemination, saver('dissemination'));
  const portionMark = useAutosave(brief.portionMark, saver('portionMark'));
  const sourceSummary = useAutosave(brief.sourceSummary, saver('sourceSummary'));

  const text = (label: string, field: ReturnType<typeof useAutosave>, props: { placeholder?: string; maxLength?: number; className?: string } = {}) => (
    <label className={props.className}>
      {label}
      <input dir="auto" value={field.draft} maxLength={props.maxLength ?? LIMITS.shortFieldChars} placeholder={props.placeholder} onChange={(e) => field.setDraft(e.target.value)} onBlur={() => void field.flush()} />
    </label>
  );

  return (
    <div className="product-fields" id={PRODUCT_FIELDS_ID}>
      <label className="summary">
        Source summary statement
        <TextArea
          rows={3}
          dir="auto"
          value={sourceSummary.draft}
          placeholder="The source base as a whole: strengths, weaknesses, gaps. “Draft from evidence” writes a first version."
          onChange={(e) => sourceSummary.setDraft(e.target.value)}
          onBlur={() => void sourceSummary.flush()}
        />
      </label>
      <ProseTradecraftNotes text={sourceSummary.draft} row={brief.likelihoodRow} label="source summary statement" />
      <div className="source-summary-actions">
        <button
          type="button"
          className="small"
          onClick={() => {
            sourceSummary.setDraft(draftSourceSummary(brief));
            void sourceSummary.flush();
          }}
        >
          Draft from evidence
        </button>
      </div>
      <div className="product-grid">
        {text('Author', author)}
        {text('Organisation', organisation)}
        {text('Dissemination', dissemination, { placeholder: 'e.g. Distribution: project team only' })}
        <label>
          Information cut-off
          <input type="date" value={brief.cutoffDate ?? ''} onChange={(e) => void save({ cutoffDate: e.target.value || null }).catch(() => undefined)} />
        </label>
        {text('Portion mark', portionMark, { placeholder: 'e.g. U (prints “(U)”)', maxLength: LIMITS.portionMarkChars })}
        <label>
          Likelihood words
          <select value={brief.likelihoodRow} onChange={(e) => void save({ likelihoodRow: e.target.value as LikelihoodRow }).catch(() => undefined)}>
            {LIKELIHOOD_ROWS.map((r) => (
              <option key={r} value={r}>
                {LIKELIHOOD_ROW_WORDS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

const PRODUCT_FIELDS_ID = 'brief-product-fields';

/**
 * Shows and hides the fields above. It sits in the marking's row and the fields start hidden: the
 * claims need the pane's height more than fields filled in once per brief.
 */
export function ProductToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="small product-toggle" aria-expanded={open} aria-controls={PRODUCT_FIELDS_ID} onClick={onToggle}>
      Source summary and template
    </button>
  );
}
