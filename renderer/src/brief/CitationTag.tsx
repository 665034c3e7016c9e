// A citation as the brief shows it: "[1] Reuters · The ministry said…". The passage's first words (or
// its page) tell apart tags citing one source; the tooltip and accessible description hold the whole
// passage. Clicking opens the passage in the reader; the menu changes the relation, moves the citation
// within its claim, or removes it.
import { useQueryClient } from '@tanstack/react-query';
import type { CitationInBrief } from '../../../main/contract';
import { useGuarded } from '../state/errors';
import { useWorkspaceActions } from '../state/workspace';
import { clip, passageHint, sourceLabel } from '../ui/format';
import { pageLabel, RELATION_NAMES, RELATIONS } from '../../../main/vocabulary';
import { MenuIcon } from '../ui/icons';
import { MenuButton, type MenuItem } from '../ui/Menu';
import { moveCitation, removeCitation, setRelation } from './commands';

interface Props {
  citation: CitationInBrief;
  previousId: number | null;
  beforePreviousId: number | null;
  nextId: number | null;
}

export function CitationTag({ citation, previousId, beforePreviousId, nextId }: Props) {
  const qc = useQueryClient();
  const ws = useWorkspaceActions();
  const run = useGuarded();
  const n = citation.number;
  const pages = pageLabel(citation.quote.pages);

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
        title={`“${clip(citation.quote.exact, 300)}” — ${citation.source.title}${pages ? `, ${pages}` : ''}`}
        onClick={() => ws.openQuote(citation.source.id, citation.quote.id, true)}
      >
        [{n}] <bdi>{sourceLabel(citation.source)}</bdi>
        {citation.relation !== 'supports' && <span className="relation-label"> · {citation.relation}</span>}
        {pages && <span className="cite-page"> · {pages}</span>}
        <span className="cite-hint">
          {' · '}
          <bdi>{passageHint(citation.quote.exact)}</bdi>
        </span>
      </button>
      <MenuButton className="cite-menu" label={`Options for citation ${n}`} menuLabel={`Citation ${n} options`} items={items}>
        <MenuIcon />
      </MenuButton>
    </span>
  );
}
