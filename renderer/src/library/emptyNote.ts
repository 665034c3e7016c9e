// What an empty list says: that nothing matches what the analyst narrowed it by, named, rather than
// that the library is empty.
const NOUN = { source: 'sources', quote: 'quotes', claim: 'claims' } as const;

export function emptyNote(kind: keyof typeof NOUN, narrowedBy: readonly string[]): string {
  if (narrowedBy.length > 0) return `No ${NOUN[kind]} ${narrowedBy.join(', ')}.`;
  if (kind === 'source') return 'No sources here yet. Add one with “Add source”.';
  if (kind === 'quote') return 'No quotes yet: open a source, select text and press “Quote”.';
  return 'No claims yet.';
}
