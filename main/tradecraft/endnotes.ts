// ICD 206-style source reference citations: the parts of an endnote in the order it prints them,
// what is missing from one, and the source descriptor (what kind of source, how reliable).
import type { SourceMeta } from '../../db/model';
import { ENDNOTE_FIELD_WORDS, ENDNOTE_FIELDS, RELIABILITY_WORDS, SOURCE_TYPE_WORDS, type EndnoteField } from '../vocabulary';

/** Dates as stored are YYYY-MM-DD or ISO timestamps; a timestamp is shown in UTC to the minute. */
export function formatDate(value: string | null): string {
  if (!value) return 'not recorded';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface EndnotePart {
  field: EndnoteField;
  text: string;
}

/** The recorded parts of a source's endnote, in ICD 206 order: author, title, outlet, date, type, URL, accessed. */
export function endnoteParts(s: SourceMeta): EndnotePart[] {
  const parts: EndnotePart[] = [];
  const put = (field: EndnoteField, text: string | null) => {
    if (text && text.trim()) parts.push({ field, text });
  };
  for (const field of ENDNOTE_FIELDS) {
    if (field === 'author') put(field, s.author);
    else if (field === 'title') put(field, `“${s.title}”`);
    else if (field === 'outlet') put(field, s.outlet);
    else if (field === 'publishedAt') put(field, s.publishedAt && formatDate(s.publishedAt));
    else if (field === 'sourceType') put(field, s.sourceType && SOURCE_TYPE_WORDS[s.sourceType]);
    else if (field === 'url') put(field, s.url);
    else put(field, s.accessedAt && `accessed ${formatDate(s.accessedAt)}`);
  }
  return parts;
}

/** The endnote as one line of plain text. */
export function endnoteText(s: SourceMeta): string {
  return `${endnoteParts(s)
    .map((p) => p.text)
    .join(', ')}.`;
}

/** Fields an endnote of this source should carry and does not. */
export function missingEndnoteFields(s: SourceMeta): EndnoteField[] {
  const have = new Set(endnoteParts(s).map((p) => p.field));
  return ENDNOTE_FIELDS.filter((f) => !have.has(f));
}

export function missingFieldsText(fields: readonly EndnoteField[]): string {
  const words = fields.map((f) => ENDNOTE_FIELD_WORDS[f]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "News article; source reliability B (usually reliable)": what kind of source, and how reliable. */
export function sourceDescriptor(s: Pick<SourceMeta, 'sourceType' | 'reliability'>): string {
  const kind = s.sourceType ? SOURCE_TYPE_WORDS[s.sourceType] : 'Source type not recorded';
  const reliability = s.reliability ? `source reliability ${s.reliability} (${RELIABILITY_WORDS[s.reliability]})` : 'reliability not rated';
  return `${kind}; ${reliability}`;
}
