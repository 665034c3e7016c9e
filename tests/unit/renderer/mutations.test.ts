// A write changes only what it touched in the renderer's cache. A new passage goes into its source's
// list as the back end returned it; no brief, brief list, history or list of thousands of passages is
// fetched again.
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { QuoteWithUse } from '../../../main/contract';

const calls: string[] = [];
const stored = (id: number, start: number, extra: Partial<QuoteWithUse> = {}) =>
  ({ id, sourceId: 7, start, end: start + 5, exact: 'words', prefix: '', suffix: '', credibility: null, note: '', pages: null, createdAt: '', updatedAt: '', tags: [], citedBy: [], source: { id: 7, title: 'S', outlet: null }, ...extra }) as QuoteWithUse;
const answers: Record<string, unknown> = {
  createQuote: stored(3, 20),
  updateQuote: stored(1, 10, { note: 'checked against the original' }),
};
// The client module reaches the back end through the desktop bridge when there is one.
vi.stubGlobal('window', {
  sourcemark: new Proxy({}, { get: (_t, name: string) => async () => (calls.push(name), { ok: true, value: answers[name] }) }),
});
const { keys } = await import('../../../renderer/src/api/keys');
const { createQuote, setQuoteNote } = await import('../../../renderer/src/mutations/quotes');

function seeded() {
  const qc = new QueryClient();
  qc.setQueryData(keys.sourceQuotes(7), [stored(1, 10), stored(2, 50)]);
  qc.setQueryData(keys.brief(1), { id: 1, claims: [] });
  qc.setQueryData(keys.briefs, []);
  qc.setQueryData(keys.undo(1), {});
  qc.setQueryData(keys.allQuotes, [stored(1, 10), stored(2, 50)]);
  return qc;
}
const stale = (qc: QueryClient, key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated ?? false;

describe('createQuote', () => {
  it('puts the stored passage into its source’s list in text order and leaves briefs and history alone', async () => {
    const qc = seeded();
    const quote = await createQuote(qc, { sourceId: 7, start: 20, end: 25, exact: 'words' });
    expect(quote.id).toBe(3);
    expect(qc.getQueryData<QuoteWithUse[]>(keys.sourceQuotes(7))!.map((q) => q.id)).toEqual([1, 3, 2]);
    expect(stale(qc, keys.sourceQuotes(7))).toBe(false);
    expect(stale(qc, keys.brief(1))).toBe(false);
    expect(stale(qc, keys.briefs)).toBe(false);
    expect(stale(qc, keys.undo(1))).toBe(false);
    // The library-wide list counts and orders passages differently: it is marked stale, not patched.
    expect(stale(qc, keys.allQuotes)).toBe(true);
    expect(calls).toEqual(['createQuote']);
  });
});

describe('setQuoteNote', () => {
  it('replaces the passage where it is listed, without refetching the lists', async () => {
    const qc = seeded();
    await setQuoteNote(qc, 1, 'checked against the original');
    expect(qc.getQueryData<QuoteWithUse[]>(keys.sourceQuotes(7))![0]!.note).toBe('checked against the original');
    expect(qc.getQueryData<QuoteWithUse[]>(keys.allQuotes)![0]!.note).toBe('checked against the original');
    expect(stale(qc, keys.sourceQuotes(7))).toBe(false);
    expect(stale(qc, keys.brief(1))).toBe(false);
  });
});
