// A citation as the brief shows it: "[1] Reuters · The ministry said…". The passage's first words (or
// its page) tell apart tags citing one source; the tooltip and accessible description hold the whole
// passage. Clicking opens the passage in the reader; the menu changes the relation, moves the citation
// within its claim, or removes it.
import { useQueryClient } from '@tanstack/react-query';
import type { CitationInBrief } from '../../../main/contract';
import { citedQuote, citedSource, type CitedEvidence } from '../../../main/tradecraft/evidence';
import { useGuarded } from '../state/errors';
import { useWorkspaceActions } from '../state/workspace';
import { clip, passageHint, sourceLabel } from '../ui/format';
import { pageLabel, RELATION_NAMES, RELATIONS } from '../../../main/vocabulary';
import { MenuIcon } from '../ui/icons';
import { MenuButton, type MenuItem } from '../ui/Menu';
import { moveCitation, removeCitation, setRelation } from '../mutations/citations';

interface Props {
  citation: CitationInBrief;
  /** The brief's passages and sources, named by the citation's ids. */
  cited: CitedEvidence;
  previousId: number | null;
  beforePreviousId: number | null;
  nextId: number | null;
}

export function CitationTag({ citation, cited, previousId, beforePreviousId, nextId }: Props) {
  const qc = useQueryClient();
  const ws = useWorkspaceActions();
  const run = useGuarded();
  const n = citation.number;
  const quote = citedQuote(cited, citation.quoteId)!;
  const source = citedSource(cited, quote.sourceId)!;
  const pages = pageLabel(quote.pages);

  const items = (): MenuItem[] => [
    ...RELATIONS.map((r) => ({
      label: RELATION_NAMES[r],
      checked: citation.relation === r,
      onSelect: () => {
        if (r !== citation.relation) void run(() => setRelation(qc, citation.id, r));
      },
    })),
    { label: 'Move earlier', startsGroup: true, disabled: previousId === null, onSelect: () => void run(() => moveCitation(qc, citation.id, beforePreviousId)) },
    { label: 'Move later', disabled: nextId === null, onSelect: () => void run(() => moveCitation(qc, citation.id, nextId)) },
    { label: 'Remove citation', danger: true, startsGroup: true, onSelect: () => void run(() => removeCitation(qc, citation.id)) },
  ];

  return (
    <span className={`citation-tag ${citation.relation}`}>
      <button
        type="button"
        className="cite-open"
        title={`“${clip(quote.exact, 300)}” — ${source.title}${pages ? `, ${pages}` : ''}`}
        onClick={() => ws.openQuote(source.id, quote.id, true)}
      >
        {`[${n}] `}
        <bdi>{sourceLabel(source)}</bdi>
        {citation.relation !== 'supports' && <span className="relation-label">{` · ${citation.relation}`}</span>}
        {pages && <span className="cite-page">{` · ${pages}`}</span>}
        <span className="cite-hint">
          {' · '}
          <bdi>{passageHint(quote.exact)}</bdi>
        </span>
      </button>
      <MenuButton className="cite-menu" label={`Options for citation ${n}`} menuLabel={`Citation ${n} options`} items={items}>
        <MenuIcon />
      </MenuButton>
    </span>
  );
}
