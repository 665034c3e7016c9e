// The metadata review after import: what the file said about itself, prefilled, for the analyst to
// correct and rate before relying on the source. Save writes the changes with updateSource.
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Reliability, SourceSummary } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { ReliabilityOptions } from '../library/reliability';
import { fieldErrors } from '../library/fieldErrors';

const FIELDS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'language', 'reliability'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const LABELS: Record<Field, string> = {
  title: 'Title',
  outlet: 'Outlet',
  author: 'Author',
  url: 'URL',
  publishedAt: 'Published date',
  language: 'Language',
  reliability: 'Reliability',
};

const valuesOf = (s: SourceSummary): Values => ({
  title: s.title,
  outlet: s.outlet ?? '',
  author: s.author ?? '',
  url: s.url ?? '',
  publishedAt: s.publishedAt ?? '',
  language: s.language ?? '',
  reliability: s.reliability ?? '',
});

interface Props {
  source: SourceSummary;
  warnings: string[];
  onClose(): void;
  onSaved(source: SourceSummary): void;
}

export function ReviewDialog({ source, warnings, onClose, onSaved }: Props) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const [values, setValues] = useState<Values>(() => valuesOf(source));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await client.updateSource({
        id: source.id,
        patch: {
          title: values.title,
          outlet: values.outlet,
          author: values.author,
          url: values.url,
          publishedAt: values.publishedAt,
          language: values.language,
          reliability: values.reliability ? (values.reliability as Reliability) : null,
        },
      });
      await Promise.all([qc.invalidateQueries({ queryKey: keys.sources }), qc.invalidateQueries({ queryKey: keys.source(source.id) })]);
      onSaved(saved);
    } catch (err) {
      const { byField, rest } = fieldErrors(err, FIELDS.map((f) => `patch.${f}`));
      const mapped = Object.fromEntries(Object.entries(byField).map(([k, v]) => [k.replace(/^patch\./, ''), v]));
      setErrors(mapped);
      if (rest || Object.keys(mapped).length === 0) showError(err);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Exclude<Field, 'reliability'>, extra: { type?: string; placeholder?: string } = {}) => {
    const id = `${baseId}-${field}`;
    const error = errors[field];
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>{LABELS[field]}</label>
        <input
          id={id}
          type={extra.type ?? 'text'}
          placeholder={extra.placeholder}
          dir={extra.type ? undefined : 'auto'}
          value={values[field]}
          required={field === 'title'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <Dialog title="Review imported source" open onClose={onClose} className="import-review">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="import-review-note">Check what was read from the file, correct it, and rate the source’s reliability.</p>
        {warnings.length > 0 && (
          <ul className="import-warnings" aria-label="Warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <div className="form-grid">
          {input('title')}
          {input('outlet')}
          {input('author')}
          {input('url', { type: 'url' })}
          {input('publishedAt', { placeholder: 'YYYY-MM-DD' })}
          {input('language', { placeholder: 'e.g. en, ru, zh' })}
          <div className="field">
            <label htmlFor={`${baseId}-reliability`}>Reliability</label>
            <select
              id={`${baseId}-reliability`}
              value={values.reliability}
              aria-invalid={errors.reliability ? true : undefined}
              onChange={(e) => setValues((v) => ({ ...v, reliability: e.target.value }))}
            >
              <ReliabilityOptions />
            </select>
            {errors.reliability && <p className="field-error">{errors.reliability}</p>}
          </div>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Later
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save details
          </button>
        </div>
      </form>
    </Dialog>
  );
}
