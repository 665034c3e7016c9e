// A source detail that came from outside (a bundle, a CSL-JSON file) checked exactly as the analyst's
// own edit is checked (the contract's updateSource schema), and the matching of outside records to
// the library's sources by DOI, URL and title.
import type { Database } from 'better-sqlite3';
import { sourceDetailRows, type SourceDetailRow } from '../../db/source-details';
import { casefold } from '../../db/text';
import { contract } from '../contract';
import { SOURCE_DETAIL_WORDS, SOURCE_DETAILS, type SourceDetail } from '../vocabulary';
import type { CslItem } from './csl-read';
import type { CslMatch, CslMatchReport, DetailOffer } from '../contract/bundle';

export type DetailCheck = { ok: true; value: string | null } | { ok: false; message: string };

export function checkDetail(field: SourceDetail, value: string | null): DetailCheck {
  const parsed = contract.updateSource.input.safeParse({ id: 1, patch: { [field]: value } });
  if (parsed.success) return { ok: true, value: ((parsed.data.patch as Record<string, unknown>)[field] as string | null | undefined) ?? null };
  return { ok: false, message: `The ${SOURCE_DETAIL_WORDS[field]} “${String(value).slice(0, 80)}” cannot be used: ${parsed.error.issues[0]?.message ?? 'it is not a valid value.'}` };
}

/** URLs that name the same page: scheme, host case, a trailing slash and the fragment do not count. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

const doiIn = (s: string | null): string | null => (s ? (/\b(10\.\d{4,9}\/[^\s?#]+)/i.exec(decodeURIComponent(s))?.[1]?.toLowerCase() ?? null) : null);

/** The details an item offers that differ from the source's own, each one checked; the rest go to notes. */
export function offersOf(item: CslItem, local: Partial<Record<SourceDetail, string | null>> | null): { offers: DetailOffer[]; notes: string[] } {
  const offers: DetailOffer[] = [];
  const notes = [...item.notes];
  for (const field of SOURCE_DETAILS) {
    const value = item.details[field];
    if (value === undefined) continue;
    const checked = checkDetail(field, value);
    if (!checked.ok) {
      notes.push(checked.message);
      continue;
    }
    const mine = local?.[field] ?? null;
    // The same page written another way (http/https, www., a trailing slash, DOI case) is no change.
    if (field === 'url' && mine && checked.value && (urlKey(mine) === urlKey(checked.value) || (doiIn(mine) !== null && doiIn(mine) === doiIn(checked.value)))) continue;
    if (checked.value !== null && checked.value !== mine) offers.push({ field, local: mine, proposed: checked.value });
  }
  return { offers, notes };
}

export function matchCslItems(db: Database, items: CslItem[]): CslMatchReport {
  const rows = sourceDetailRows(db);
  const byDoi = new Map<string, SourceDetailRow>();
  const byUrl = new Map<string, SourceDetailRow>();
  const byTitle = new Map<string, SourceDetailRow[]>();
  for (const r of rows) {
    const doi = doiIn(r.url);
    if (doi) byDoi.set(doi, r);
    if (r.url) byUrl.set(urlKey(r.url), r);
    const t = casefold(r.title.trim());
    byTitle.set(t, [...(byTitle.get(t) ?? []), r]);
  }
  const report: CslMatchReport = { items: items.length, matches: [], unmatched: [] };
  for (const item of items) {
    let found: SourceDetailRow | undefined;
    let matchedBy: CslMatch['matchedBy'] = 'DOI';
    const doi = item.doi?.toLowerCase() ?? doiIn(item.details.url ?? null);
    if (doi) found = byDoi.get(doi);
    if (!found && item.details.url) {
      found = byUrl.get(urlKey(item.details.url));
      matchedBy = 'URL';
    }
    if (!found && item.details.title) {
      // A title names a source only when exactly one source has it.
      const same = byTitle.get(casefold(item.details.title.trim()));
      if (same?.length === 1) {
        found = same[0];
        matchedBy = 'title';
      }
    }
    if (!found) {
      report.unmatched.push({ itemIndex: item.index, title: item.details.title ?? null, notes: item.notes });
      continue;
    }
    const { offers, notes } = offersOf(item, found);
    report.matches.push({ itemIndex: item.index, sourceId: found.id, title: found.title, matchedBy, offers, notes });
  }
  return report;
}
