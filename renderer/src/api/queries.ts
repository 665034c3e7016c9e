// Server state: each hook is one contract read. Components never call the client for reads directly.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client } from './client';
import { keys } from './keys';

const SOURCE_PAGE = 200;

export function useSourceList(filter: string, tagId: number | null) {
  return useInfiniteQuery({
    queryKey: keys.sourceList(filter, tagId),
    queryFn: ({ pageParam }) =>
      client.listSources({ offset: pageParam, limit: SOURCE_PAGE, filter: filter || undefined, tagId: tagId ?? undefined }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
}

export function useSource(id: number | null) {
  return useQuery({
    queryKey: keys.source(id ?? 0),
    queryFn: () => client.getSource({ id: id as number }),
    enabled: id !== null,
    staleTime: Infinity, // a body never changes; metadata edits invalidate it explicitly
  });
}

export function useSourceQuotes(sourceId: number | null) {
  return useQuery({
    queryKey: keys.sourceQuotes(sourceId ?? 0),
    queryFn: async () => (await client.listQuotes({ sourceId: sourceId as number, limit: 5_000 })).items,
    enabled: sourceId !== null,
  });
}

export function useAllQuotes(enabled: boolean) {
  return useQuery({
    queryKey: keys.allQuotes,
    queryFn: async () => (await client.listQuotes({ limit: 5_000 })).items,
    enabled,
  });
}

export function useBriefs() {
  return useQuery({ queryKey: keys.briefs, queryFn: () => client.listBriefs({}) });
}

export function useBrief(id: number | null) {
  return useQuery({
    queryKey: keys.brief(id ?? 0),
    queryFn: () => client.getBrief({ id: id as number }),
    enabled: id !== null,
  });
}

export function useTags() {
  return useQuery({ queryKey: keys.tags, queryFn: () => client.listTags({}) });
}

export function useSearch(query: string, wordForms = true) {
  return useQuery({
    queryKey: [...keys.search(query), wordForms],
    queryFn: () => client.search({ query, limit: 20, wordForms }),
    enabled: query.trim().length > 0,
    placeholderData: (previous) => previous,
  });
}

export interface QuoteBankFilter {
  tagId: number | null;
  sourceId: number | null;
  credibility: number | 'none' | null;
  cited: boolean | null;
}

const BANK_PAGE = 200;

/** Every passage in the library, newest first, narrowed by the quote bank's filters, a page at a time. */
export function useQuoteBank(filter: QuoteBankFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.quoteBank(filter),
    queryFn: ({ pageParam }) =>
      client.listQuotes({
        offset: pageParam,
        limit: BANK_PAGE,
        order: 'newest',
        tagId: filter.tagId ?? undefined,
        sourceId: filter.sourceId ?? undefined,
        credibility: (filter.credibility ?? undefined) as 1 | 2 | 3 | 4 | 5 | 6 | 'none' | undefined,
        cited: filter.cited ?? undefined,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    enabled,
  });
}

export function useTaggedClaims(tagId: number | null) {
  return useQuery({
    queryKey: keys.taggedClaims(tagId ?? 0),
    queryFn: () => client.listTaggedClaims({ tagId: tagId as number }),
    enabled: tagId !== null,
  });
}
