// The brief's own fields, each saved as the analyst types: title, marking, bottom line up front.
import { useLayoutEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BriefFull } from '../../../main/contract';
import { LIMITS } from '../../../main/vocabulary';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useAutosave } from '../state/autosave';
import { useErrors } from '../state/errors';
import { invalidateHistory } from '../state/undo';
import { TextArea } from '../ui/TextArea';
import { ProductFields, ProductToggle } from './ProductFields';
import { fitHeight } from './ClaimItem';
import { ProseTradecraftNotes } from './ClaimTradecraft';

export function BriefFields({ brief }: { brief: BriefFull }) {
  const [productOpen, setProductOpen] = useState(false);
  const qc = useQueryClient();
  const { showError } = useErrors();
  const saver = (field: 'title' | 'marking' | 'summary') => async (next: string) => {
    try {
      const meta = await client.updateBrief({ id: brief.id, [field]: next });
      qc.setQueryData<BriefFull>(keys.brief(brief.id), (b) => (b ? { ...b, ...meta } : b));
      await Promise.all([qc.invalidateQueries({ queryKey: keys.briefs }), invalidateHistory(qc)]);
    } catch (err) {
      showError(err);
      throw err;
    }
  };
  const title = useAutosave(brief.title, saver('title'));
  const marking = useAutosave(brief.marking, saver('marking'));
  const summary = useAutosave(brief.summary, saver('summary'));
  // The bottom line grows with its text (one field, so measuring it is cheap), up to a quarter of the window.
  const summaryField = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (summaryField.current) fitHeight(summaryField.current);
  }, [summary.draft]);

  return (
    <div className="brief-fields">
      <div className="brief-title-row">
        <input
            data-brief-id={brief.id}
            className="brief-title"
            aria-label="Brief title"
            dir="auto"
            value={title.draft}
            maxLength={LIMITS.titleChars}
            onChange={(e) => title.setDraft(e.target.value)}
            onBlur={() => void title.flush()}
          />
        <div className="marking-row">
          <label className="marking">
            Marking
            <input dir="auto" value={marking.draft} maxLength={LIMITS.shortFieldChars} onChange={(e) => marking.setDraft(e.target.value)} onBlur={() => void marking.flush()} />
          </label>
          <ProductToggle open={productOpen} onToggle={() => setProductOpen((o) => !o)} />
        </div>
      </div>
      <label className="summary">
        Bottom line
        <TextArea
          ref={summaryField}
          rows={2}
          dir="auto"
          value={summary.draft}
          placeholder="The bottom line up front: what the reader must know."
          onChange={(e) => summary.setDraft(e.target.value)}
          onBlur={() => void summary.flush()}
        />
      </label>
      <ProseTradecraftNotes text={summary.draft} row={brief.likelihoodRow} label="bottom line" />
      {productOpen && <ProductFields brief={brief} />}
    </div>
  );
}
