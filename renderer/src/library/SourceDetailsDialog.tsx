// A source's details, editable after it was added: from the reader's header, the library row, and
// the review after an import. Only the details change (updateSource); the text and its fingerprint never do.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SourceSummary } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { CslPaste } from './CslPaste';
import { fieldErrors } from './fieldErrors';
import { SOURCE_FIELD_KEYS, SourceFieldsGrid, sourcePatch, sourceValues, type SourceField } from './sourceFields';

interface Props {
  source: SourceSummary;
  title?: string;
  /** Shown above the fields. */
  intro?: ReactNode;
  cancelLabel?: string;
  onClose(): void;
  onSaved(source: SourceSummary): void;
}

export function SourceDetailsDialog({ source, title = 'Edit source details', intro, cancelLabel = 'Cancel', onClose, onSaved }: Props) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const [values, setValues] = useState(() => sourceValues(source));
  const [errors, setErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [busy, setBusy] = useState(false);

  const set = (field: SourceField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      const next = { ...e };
      delete next[field];
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await client.updateSource({ id: source.id, patch: sourcePatch(values) });
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.sources }),
        qc.invalidateQueries({ queryKey: keys.source(source.id) }),
        // Titles and outlets show in citation tags, the quote picker and search.
        qc.invalidateQueries({ queryKey: keys.briefAll }),
        qc.invalidateQueries({ queryKey: keys.quotes }),
        qc.invalidateQueries({ queryKey: keys.searchAll }),
      ]);
      onSaved(saved);
    } catch (err) {
      const { byField, rest } = fieldErrors(err, SOURCE_FIELD_KEYS.map((f) => `patch.${f}`));
      const mapped = Object.fromEntries(Object.entries(byField).map(([k, v]) => [k.replace(/^patch\./, ''), v]));
      setErrors(mapped);
      if (rest || Object.keys(mapped).length === 0) showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} open onClose={onClose} className="source-details">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {intro}
        <SourceFieldsGrid values={values} errors={errors} onChange={set} />
        <CslPaste onFill={(filled) => setValues((v) => ({ ...v, ...filled }))} />
        <p className="source-fingerprint">
          The text itself cannot be edited: {source.bodyLength.toLocaleString()} characters, fingerprint SHA-256 <code>{source.bodySha256.slice(0, 12)}…</code>
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save details
          </button>
        </div>
      </form>
    </Dialog>
  );
}
