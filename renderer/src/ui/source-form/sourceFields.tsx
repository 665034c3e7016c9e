// A source's details as every form shows them (Add source, Edit source details, import review): one
// list of fields, so a new field is one entry here. The body is not among them: it never changes.
import { useId, type ReactNode } from 'react';
import type { SourceMeta } from '../../../../main/contract';
import { SOURCE_TYPES, SOURCE_TYPE_WORDS } from '../../../../main/vocabulary';
import { ReliabilityOptions } from './reliability';

interface FieldSpec {
  key: keyof SourceMeta & string;
  label: string;
  type?: 'url';
  placeholder?: string;
  required?: boolean;
  /** A choice from a list: the <option>s, "not set" first with the value "". */
  options?: () => ReactNode;
}

export const SOURCE_FIELDS = [
  { key: 'title', label: 'Title', required: true },
  { key: 'outlet', label: 'Outlet' },
  { key: 'author', label: 'Author' },
  { key: 'url', label: 'URL', type: 'url' },
  { key: 'publishedAt', label: 'Published date', placeholder: 'YYYY-MM-DD' },
  { key: 'accessedAt', label: 'Accessed date', placeholder: 'YYYY-MM-DD' },
  { key: 'language', label: 'Language', placeholder: 'e.g. en, ru, zh' },
  { key: 'reliability', label: 'Reliability', options: ReliabilityOptions },
  { key: 'sourceType', label: 'Source type', options: SourceTypeOptions },
] as const satisfies readonly FieldSpec[];

export type SourceField = (typeof SOURCE_FIELDS)[number]['key'];
export type SourceValues = Record<SourceField, string>;
export const SOURCE_FIELD_KEYS: readonly SourceField[] = SOURCE_FIELDS.map((f) => f.key);

function SourceTypeOptions() {
  return (
    <>
      <option value="">Not set</option>
      {SOURCE_TYPES.map((t) => (
        <option key={t} value={t}>
          {SOURCE_TYPE_WORDS[t]}
        </option>
      ))}
    </>
  );
}

/** Today in the analyst's time zone, as the store writes dates. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function sourceValues(source: Partial<Record<SourceField, string | null>> | null): SourceValues {
  return Object.fromEntries(SOURCE_FIELD_KEYS.map((k) => [k, source?.[k] ?? ''])) as SourceValues;
}

/**
 * The values as the contract takes them. Empty text means "not set"; the store trims and checks.
 * Choices go as null when not set; the schema's own messages name what is allowed.
 */
export function sourcePatch(values: SourceValues) {
  return {
    ...values,
    reliability: (values.reliability || null) as SourceMeta['reliability'],
    sourceType: (values.sourceType || null) as SourceMeta['sourceType'],
  };
}

interface GridProps {
  values: SourceValues;
  errors: Partial<Record<SourceField, string>>;
  onChange(field: SourceField, value: string): void;
}

/** The fields in a two-column grid, each with its label and, under it, what is wrong with it. */
export function SourceFieldsGrid({ values, errors, onChange }: GridProps) {
  const baseId = useId();
  return (
    <div className="form-grid">
      {SOURCE_FIELDS.map((f: FieldSpec) => {
        const id = `${baseId}-${f.key}`;
        const error = errors[f.key as SourceField];
        const common = {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        const value = values[f.key as SourceField];
        return (
          <div className="field" key={f.key}>
            <label htmlFor={id}>{f.label}</label>
            {f.options ? (
              <select {...common} value={value} onChange={(e) => onChange(f.key as SourceField, e.target.value)}>
                <f.options />
              </select>
            ) : (
              <input
                {...common}
                type={f.type ?? 'text'}
                value={value}
                required={f.required}
                placeholder={f.placeholder}
                dir={f.type ? undefined : 'auto'}
                onChange={(e) => onChange(f.key as SourceField, e.target.value)}
              />
            )}
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
