// Quote / Quote and cite, next to the selected text (as Hypothesis's adder): placed by floating-ui
// above the selection (below it near the top edge), following it as the text scrolls and hidden
// when the selection scrolls out of view. Q and C do the same from the keyboard while the adder shows.
import { useEffect, useMemo } from 'react';
import { autoUpdate, flip, FloatingPortal, hide, offset, shift, useFloating } from '@floating-ui/react';
import { useBrief } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { CiteIcon, QuoteIcon } from '../ui/icons';

interface Props {
  /** The element the selection is in; the adder follows its scrolling. */
  container: HTMLElement;
  onQuote(): void;
  onQuoteAndCite(claimId: number | null): void;
}

/** Where "Quote and cite" puts the passage, in words for its tooltip; null claim means a new one. */
function useCiteTarget(): { claimId: number | null; words: string | null } {
  const ws = useWorkspace();
  const brief = useBrief(ws.briefId);
  const claim = brief.data?.claims.find((c) => c.id === ws.selectedClaimId);
  if (ws.briefId === null) return { claimId: null, words: null };
  return claim ? { claimId: claim.id, words: `claim ${claim.number}` } : { claimId: null, words: 'a new claim' };
}

const editable = (el: Element | null) => !!el && (el.matches('input, textarea, select, [contenteditable="true"]') || el.closest('dialog[open]') !== null);

export function SelectionAdder({ container, onQuote, onQuoteAndCite }: Props) {
  const target = useCiteTarget();
  // The live selection range: its rectangle moves as the text scrolls.
  const reference = useMemo(() => {
    const sel = window.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).cloneRange() : null;
    return {
      contextElement: container,
      getBoundingClientRect: () => range?.getBoundingClientRect() ?? new DOMRect(),
      getClientRects: () => range?.getClientRects() ?? ([] as unknown as DOMRectList),
    };
  }, [container]);
  const { refs, floatingStyles, middlewareData } = useFloating({
    placement: 'top',
    strategy: 'fixed',
    middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 }), hide({ strategy: 'referenceHidden', boundary: container })],
    whileElementsMounted: autoUpdate,
  });

  useEffect(() => refs.setPositionReference(reference), [refs, reference]);

  const canCite = target.words !== null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || editable(document.activeElement)) return;
      const key = e.key.toLowerCase();
      if (key === 'q') {
        e.preventDefault();
        onQuote();
      } else if (key === 'c' && canCite) {
        e.preventDefault();
        onQuoteAndCite(target.claimId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onQuote, onQuoteAndCite, canCite, target.claimId]);

  const citeTitle = canCite ? `Quote and cite in ${target.words} (C)` : 'Open or start a brief to cite in it';
  return (
    <FloatingPortal>
      <div
        ref={refs.setFloating}
        role="toolbar"
        aria-label="Selected text"
        className="adder"
        style={{ ...floatingStyles, visibility: middlewareData.hide?.referenceHidden ? 'hidden' : 'visible' }}
        // Pressing a button must not clear the selection it acts on.
        onMouseDown={(e) => e.preventDefault()}
      >
        <button type="button" title="Quote the selection (Q)" aria-keyshortcuts="Q" onClick={onQuote}>
          <QuoteIcon /> Quote
        </button>
        <button type="button" title={citeTitle} aria-keyshortcuts="C" disabled={!canCite} onClick={() => onQuoteAndCite(target.claimId)}>
          <CiteIcon /> Quote and cite
        </button>
      </div>
    </FloatingPortal>
  );
}
