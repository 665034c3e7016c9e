// What a write changes in the renderer's cache. Each mutation says what it touched: a returned row is
// written into the lists that show it, and only the query families that row cannot be patched into are
// invalidated (an invalidated query refetches only while something on screen shows it).
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { QuoteWithUse } from '../../../main/contract';
import { keys } from '../api/keys';

export function invalidate(qc: QueryClient, ...families: QueryKey[]): Promise<void> {
  return Promise.all(families.map((queryKey) => qc.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * After a change to citations, a claim list, or a passage that claims cite: every view of passages and
 * briefs is stale (backlinks, numbering, evidence strength, counts), and so is the brief's history.
 */
export function invalidateEvidence(qc: QueryClient): Promise<void> {
  return invalidate(qc, keys.quotes, keys.briefAll, keys.briefs, keys.sources, keys.searchAll, keys.undoAll);
}

/** After any change to a brief: its history has a new step. */
export function invalidateHistory(qc: QueryClient): Promise<void> {
  return invalidate(qc, keys.undoAll);
}

/** In the reader's order: by place in the text, as listQuotes returns them. */
const bySpan = (a: QuoteWithUse, b: QuoteWithUse) => a.start - b.start || a.end - b.end || a.id - b.id;

/** A new passage goes into its source's list of passages in place; no list of thousands is fetched again. */
export function insertQuote(qc: QueryClient, quote: QuoteWithUse): void {
  qc.setQueryData<QuoteWithUse[]>(keys.sourceQuotes(quote.sourceId), (list) => (list ? [...list.filter((q) => q.id !== quote.id), quote].sort(bySpan) : list));
}

/** A changed passage replaces its old row in the lists of passages that hold it. */
export function replaceQuote(qc: QueryClient, quote: QuoteWithUse): void {
  const swap = (list: QuoteWithUse[] | undefined) => list?.map((q) => (q.id === quote.id ? quote : q));
  qc.setQueryData<QuoteWithUse[]>(keys.sourceQuotes(quote.sourceId), swap);
  qc.setQueryData<QuoteWithUse[]>(keys.allQuotes, swap);
}
