// Query keys in one place, so a mutation names exactly the families of data it changes.
export const keys = {
  sources: ['sources'] as const,
  sourceList: (filter: string, tagId: number | null) => ['sources', 'list', filter, tagId] as const,
  source: (id: number) => ['source', id] as const,
  quotes: ['quotes'] as const,
  sourceQuotes: (sourceId: number) => ['quotes', 'source', sourceId] as const,
  allQuotes: ['quotes', 'all'] as const,
  briefs: ['briefs'] as const,
  brief: (id: number) => ['brief', id] as const,
  briefAll: ['brief'] as const,
  tags: ['tags'] as const,
  search: (query: string) => ['search', query] as const,
  searchAll: ['search'] as const,
  find: (sourceId: number, query: string, phrase: boolean) => ['find', sourceId, query, phrase] as const,
  // Under 'brief': every change to claims or tags refreshes the briefs, and with them this list.
  taggedClaims: (tagId: number) => ['brief', 'tagged', tagId] as const,
  quoteBank: (filter: object) => ['quotes', 'bank', filter] as const,
  // Under 'brief': undo, redo and every evidence change refresh them with the brief.
  analysis: (briefId: number) => ['brief', 'analysis', briefId] as const,
  keyAssumptions: (briefId: number) => ['brief', 'assumptions', briefId] as const,
  undo: (briefId: number) => ['undo', briefId] as const,
  undoAll: ['undo'] as const,
};
