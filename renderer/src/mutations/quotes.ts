// Writes to passages.
import type { QueryClient } from '@tanstack/react-query';
import type { Credibility, QuoteWithUse } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { insertQuote, invalidate, invalidateEvidence, replaceQuote } from './cache';

export interface NewQuote {
  sourceId: number;
  start: number;
  end: number;
  exact: string;
}

/**
 * A new passage is cited by nothing yet: the stored row goes into the reader's list as returned, and
 * only the lists that count or search passages are refreshed. No brief, brief list or history changes.
 */
export async function createQuote(qc: QueryClient, input: NewQuote): Promise<QuoteWithUse> {
  const quote = await client.createQuote(input);
  insertQuote(qc, quote);
  void invalidate(qc, keys.sources, keys.allQuotes, keys.quoteBankAll, keys.searchAll);
  return quote;
}

/** A note is shown only with the passage (and found by search). */
export async function setQuoteNote(qc: QueryClient, id: number, note: string): Promise<void> {
  replaceQuote(qc, await client.updateQuote({ id, note }));
  await invalidate(qc, keys.quoteBankAll, keys.searchAll);
}

/** Credibility also filters the quote bank and weighs the evidence of every claim citing the passage. */
export async function setQuoteCredibility(qc: QueryClient, id: number, credibility: Credibility | null): Promise<void> {
  const quote = await client.updateQuote({ id, credibility });
  replaceQuote(qc, quote);
  await invalidate(qc, keys.quoteBankAll, ...(quote.citedBy.length ? [keys.briefAll] : []));
}

export async function deleteQuote(qc: QueryClient, id: number, removeCitations: boolean): Promise<void> {
  await client.deleteQuote({ id, removeCitations });
  await invalidateEvidence(qc);
}
