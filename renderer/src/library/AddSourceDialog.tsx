// "Add source": pasted text and its metadata. The store validates; its messages appear under each field.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Reliability } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { fieldErrors } from './fieldErrors';
import { ReliabilityOptions } from './reliability';

const FIELDS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'reliability', 'body'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const EMPTY: Values = { title: '', outlet: '', author: '', url: '', publishedAt: '', reliability: '', body: '' };

interface Props {
  open: boolean;
  onClose(): void;
  onAdded(sourceId: number, created: boolean): void;
}

export function AddSourceDialog({ open, onClose, onAdded }: Props) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const close = () => {
    setValues(EMPTY);
    setErrors({});
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { source, created } = await client.addSource({
        title: values.title,
        outlet: values.outlet,
        author: values.author,
        url: values.url,
        publishedAt: values.publishedAt,
        reliability: values.reliability ? (values.reliability as Reliability) : null,
        body: values.body,
      });
      await qc.invalidateQueries({ queryKey: keys.sources });
      close();
      onAdded(source.id, created);
    } catch (err) {
      const { byField, rest } = fieldErrors(err, FIELDS);
      setErrors(byField);
      if (rest || Object.keys(byField).length === 0) showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Add source" open={open} onClose={close} className="add-source">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <TextField label="Title" value={values.title} onChange={set('title')} error={errors.title} required />
          <TextField label="Outlet" value={values.outlet} onChange={set('outlet')} error={errors.outlet} />
          <TextField label="Author" value={values.author} onChange={set('author')} error={errors.author} />
          <TextField label="URL" value={values.url} onChange={set('url')} error={errors.url} type="url" />
          <TextField label="Published date" value={values.publishedAt} onChange={set('publishedAt')} error={errors.publishedAt} placeholder="YYYY-MM-DD" />
          <Field label="Reliability" error={errors.reliability}>
            {(id, describedBy) => (
              <select id={id} aria-describedby={describedBy} value={values.reliability} onChange={(e) => set('reliability')(e.target.value)}>
                <ReliabilityOptions />
              </select>
            )}
          </Field>
        </div>
        <Field label="Text" error={errors.body}>
          {(id, describedBy) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={errors.body ? true : undefined}
              rows={12}
              dir="auto"
              value={values.body}
              onChange={(e) => set('body')(e.target.value)}
              placeholder="Paste the article text here"
            />
          )}
        </Field>
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

function Field({ label, error, children }: { label: string; error: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errorId : undefined)}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(v: string): void;
  error: string | undefined;
  required?: boolean;
  type?: string;
  placeholder?: string;
}

function TextField({ label, value, onChange, error, required, type, placeholder }: TextFieldProps) {
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <input
          id={id}
          type={type ?? 'text'}
          value={value}
          required={required}
          placeholder={placeholder}
          dir={type ? undefined : 'auto'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
