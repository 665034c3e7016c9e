// "Add source": pasted text and its details. The store validates; its messages appear under each
// field and go as soon as that field is changed. A text already in the library is named, with the
// way to open it, and the dialog keeps what was typed.
import { quoted } from '../../../main/vocabulary';
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SourceSummary } from '../../../main/contract';
import { addSource } from '../mutations/sources';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { shortDate } from '../ui/format';
import { fieldErrors } from '../ui/source-form/fieldErrors';
import { SOURCE_FIELD_KEYS, SourceFieldsGrid, sourcePatch, sourceValues, today, type SourceField, type SourceValues } from '../ui/source-form/sourceFields';

type Field = SourceField | 'body';
const FIELDS: readonly Field[] = [...SOURCE_FIELD_KEYS, 'body'];
const fresh = (): SourceValues & { body: string } => ({ ...sourceValues({ accessedAt: today() }), body: '' });

interface Props {
  open: boolean;
  onClose(): void;
  onAdded(sourceId: number, created: boolean): void;
}

export function AddSourceDialog({ open, onClose, onAdded }: Props) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const [values, setValues] = useState(fresh);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [duplicate, setDuplicate] = useState<SourceSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyId = useId();

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // The message was about the old value; the store checks the new one on the next try.
    setErrors((e) => {
      const next = { ...e };
      delete next[field];
      return next;
    });
    if (field === 'body') setDuplicate(null);
  };
  const close = () => {
    setValues(fresh());
    setErrors({});
    setDuplicate(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { source, created } = await addSource(qc, { ...sourcePatch(values), body: values.body });
      if (!created) {
        setDuplicate(source);
        return;
      }
      close();
      onAdded(source.id, true);
    } catch (err) {
      const { byField, rest } = fieldErrors(err, FIELDS);
      setErrors(byField);
      if (rest || Object.keys(byField).length === 0) showError(err);
    } finally {
      setBusy(false);
    }
  };

  const openExisting = () => {
    if (!duplicate) return;
    const id = duplicate.id;
    close();
    onAdded(id, false);
  };

  return (
    <Dialog title="Add source" open={open} onClose={close} className="add-source">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {duplicate && (
          <div role="alert" className="duplicate-note" ref={(el) => el?.scrollIntoView({ block: 'nearest' })}>
            <p>
              This text is already in the library as “<bdi>{duplicate.title}</bdi>”
              {duplicate.outlet && (
                <>
                  {' '}
                  (<bdi>{duplicate.outlet}</bdi>)
                </>
              )}
              , added {shortDate(duplicate.createdAt)}. Nothing was added; the existing source keeps its details and passages.
            </p>
            <button type="button" onClick={openExisting}>
              Open {quoted(duplicate.title)}
            </button>
          </div>
        )}
        <SourceFieldsGrid values={values} errors={errors} onChange={set} />
        <div className="field">
          <label htmlFor={bodyId}>Text</label>
          <textarea
            id={bodyId}
            aria-describedby={errors.body ? `${bodyId}-error` : undefined}
            aria-invalid={errors.body ? true : undefined}
            rows={12}
            dir="auto"
            value={values.body}
            onChange={(e) => set('body', e.target.value)}
            placeholder="Paste the article text here"
          />
          {errors.body && (
            <p id={`${bodyId}-error`} className="field-error">
              {errors.body}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add source
          </button>
        </div>
      </form>
    </Dialog>
  );
}
