import type { SourceMeta } from '../../../main/contract';

/** How a source is named in a citation tag: its outlet, else its title. */
export function sourceLabel(source: Pick<SourceMeta, 'outlet' | 'title'>): string {
  return source.outlet?.trim() || source.title;
}

/** "2026-03-01" or a full timestamp as a short date in the analyst's locale; null stays empty. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: iso.length === 10 ? 'UTC' : undefined });
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
