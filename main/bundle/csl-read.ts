// CSL-JSON in: the details Zotero, Pandoc and reference managers already hold for a source, read into
// Sourcemark's fields to prefill them. Nothing is guessed silently: a value that does not fit (a date
// without a day, an unknown item type) is left out and said so, item by item.
import { AppError } from '../../db/errors';
import type { SourceDetail } from '../vocabulary';

export type CslDetails = Partial<Record<SourceDetail, string>>;

export interface CslItem {
  /** Position in the file, from 1, as the analyst counts. */
  index: number;
  /** The item's own id, when it has one (Zotero: "http://zotero.org/users/…/items/ABCD1234"). */
  id: string | null;
  details: CslDetails;
  doi: string | null;
  /** What was in the item but could not be used. */
  notes: string[];
}

const TYPES: Record<string, string> = {
  'article-newspaper': 'news-article',
  'article-magazine': 'news-article',
  'article-journal': 'academic-paper',
  'paper-conference': 'academic-paper',
  thesis: 'academic-paper',
  chapter: 'academic-paper',
  book: 'academic-paper',
  dataset: 'dataset',
  post: 'social-media-post',
  'post-weblog': 'social-media-post',
  interview: 'interview-other',
  legislation: 'government-document',
  bill: 'government-document',
  regulation: 'government-document',
  legal_case: 'government-document',
  treaty: 'government-document',
  hearing: 'government-document',
  speech: 'official-statement',
};

/** Where in the text JSON.parse stopped, as line and column, for a person looking at the file. */
function jsonProblem(text: string, err: Error): string {
  const pos = /position (\d+)/.exec(err.message);
  const detail = err.message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!pos) return detail;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${detail} at line ${line}, column ${column}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function name(n: unknown): string | null {
  if (!n || typeof n !== 'object') return null;
  const o = n as Record<string, unknown>;
  const literal = str(o.literal);
  if (literal) return literal;
  const parts = [str(o.given), str(o['non-dropping-particle']), str(o.family), str(o.suffix)].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A CSL date as YYYY-MM-DD; dates without a day are named in the notes instead, never invented. */
function date(v: unknown, field: string, notes: string[]): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return date({ raw: v }, field, notes);
  if (typeof v !== 'object') {
    notes.push(`${field} is not a CSL date.`);
    return null;
  }
  const o = v as Record<string, unknown>;
  const parts = Array.isArray(o['date-parts']) && Array.isArray(o['date-parts'][0]) ? (o['date-parts'][0] as unknown[]).map(Number) : null;
  if (parts && parts.every((p) => Number.isInteger(p))) {
    if (parts.length >= 3) return `${String(parts[0]).padStart(4, '0')}-${pad(parts[1]!)}-${pad(parts[2]!)}`;
    notes.push(`${field} ${parts.join('-')} has no day; Sourcemark dates need one, so it was left out.`);
    return null;
  }
  const raw = str(o.raw) ?? str(o.literal);
  if (raw && /^\d{4}-\d{2}-\d{2}/.test(raw)) return raw.slice(0, 10);
  if (raw) notes.push(`${field} “${raw}” is not written YYYY-MM-DD, so it was left out.`);
  return null;
}

function readItem(raw: unknown, index: number): CslItem {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('INVALID_INPUT', `Item ${index} of the CSL-JSON is not an object with fields such as "title" and "type".`);
  }
  const o = raw as Record<string, unknown>;
  const notes: string[] = [];
  const d: CslDetails = {};
  const title = str(o.title) ?? str(o['title-short']);
  if (title) d.title = title;
  else notes.push('It has no title.');
  const outlet = str(o['container-title']) ?? str(o.publisher);
  if (outlet) d.outlet = outlet;
  const authors = Array.isArray(o.author) ? (o.author as unknown[]).map(name).filter((x): x is string => !!x) : [];
  if (authors.length) d.author = authors.join('; ');
  const doi = str(o.DOI)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') ?? null;
  const url = str(o.URL) ?? (doi ? `https://doi.org/${doi}` : null);
  if (url) d.url = url;
  const published = date(o.issued, 'The issued date', notes);
  if (published) d.publishedAt = published;
  const accessed = date(o.accessed, 'The accessed date', notes);
  if (accessed) d.accessedAt = accessed;
  const language = str(o.language);
  if (language) d.language = language;
  const type = str(o.type);
  if (type && TYPES[type]) d.sourceType = TYPES[type];
  else if (type && type !== 'report' && type !== 'document' && type !== 'webpage' && type !== 'article') notes.push(`The item type “${type}” has no Sourcemark source type.`);
  return { index, id: str(o.id), details: d, doi, notes };
}

/** Reads a CSL-JSON file or pasted text: an array of items (as Zotero exports it) or a single item. */
export function readCslJson(text: string): CslItem[] {
  if (!text.trim()) throw new AppError('INVALID_INPUT', 'The CSL-JSON is empty.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('INVALID_INPUT', `This is not valid JSON: ${jsonProblem(text, err as Error)}. CSL-JSON is a JSON array of items, as Zotero writes it with File, Export Library…, format “CSL JSON”.`);
  }
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && ('title' in parsed || 'type' in parsed) ? [parsed] : null;
  if (!list) throw new AppError('INVALID_INPUT', 'This JSON is not CSL-JSON: it should be an array of items (or one item) with fields such as "title", "type" and "author".');
  if (list.length === 0) throw new AppError('INVALID_INPUT', 'The CSL-JSON holds no items.');
  return list.map((item, i) => readItem(item, i + 1));
}
