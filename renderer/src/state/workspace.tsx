// What is open where: the source in the reader, the passage in focus, the brief and its selected
// claim. Survives a reload (localStorage), so the analyst comes back to the same place.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export interface ReaderSelection {
  sourceId: number;
  start: number;
  end: number;
  exact: string;
}

export interface FindRequest {
  sourceId: number;
  query: string;
  n: number;
}

/** What the brief pane shows: its claims, or its structured analysis (ACH matrix and key assumptions). */
export type BriefView = 'claims' | 'analysis';

interface Place {
  sourceId: number | null;
  briefId: number | null;
  briefView: BriefView;
}

export interface WorkspaceValue extends Place {
  /** The passage shown as active in the reader. */
  activeQuoteId: number | null;
  /** Bumped each time the reader must scroll to and focus the active passage. */
  quoteFocusRequest: number;
  selectedClaimId: number | null;
  claimFocusRequest: number;
  /** Where focus goes in the claim: the claim itself, or its text field (a new claim). */
  claimFocusTarget: 'claim' | 'text';
  selection: ReaderSelection | null;
  /** A search's words to find in the source it opened, so the reader lands on the first match. */
  findRequest: FindRequest | null;
  openSource(sourceId: number | null): void;
  /** The tag the library's lists are filtered by. */
  libraryTagId: number | null;
  filterByTag(tagId: number | null): void;
  /** Opens a source and finds `query` in it (a search hit). */
  openSourceAt(sourceId: number, query: string): void;
  openQuote(sourceId: number, quoteId: number, focus?: boolean): void;
  openBrief(briefId: number | null): void;
  openClaim(briefId: number, claimId: number, focus?: boolean | 'text'): void;
  showBriefView(view: BriefView): void;
  setSelection(selection: ReaderSelection | null): void;
  setActiveQuote(quoteId: number | null): void;
}

const STORAGE_KEY = 'sourcemark.workspace';
const Ctx = createContext<WorkspaceValue | null>(null);

function loadPlace(): Place {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Place>;
    return {
      sourceId: typeof raw.sourceId === 'number' ? raw.sourceId : null,
      briefId: typeof raw.briefId === 'number' ? raw.briefId : null,
      briefView: raw.briefView === 'analysis' ? 'analysis' : 'claims',
    };
  } catch {
    return { sourceId: null, briefId: null, briefView: 'claims' };
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [place, setPlace] = useState<Place>(loadPlace);
  const [activeQuoteId, setActiveQuote] = useState<number | null>(null);
  const [quoteFocusRequest, setQuoteFocus] = useState(0);
  const [selectedClaimId, setSelectedClaim] = useState<number | null>(null);
  const [claimFocusRequest, setClaimFocus] = useState(0);
  const [claimFocusTarget, setClaimFocusTarget] = useState<'claim' | 'text'>('claim');
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [findRequest, setFindRequest] = useState<FindRequest | null>(null);
  const [libraryTagId, filterByTag] = useState<number | null>(null);

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(place));
  }, [place]);

  const openSource = useCallback((sourceId: number | null) => {
    setPlace((p) => (p.sourceId === sourceId ? p : { ...p, sourceId }));
    setActiveQuote(null);
    setSelection(null);
  }, []);
  const openSourceAt = useCallback(
    (sourceId: number, query: string) => {
      openSource(sourceId);
      setFindRequest((r) => ({ sourceId, query, n: (r?.n ?? 0) + 1 }));
    },
    [openSource],
  );
  const openQuote = useCallback((sourceId: number, quoteId: number, focus = true) => {
    setPlace((p) => (p.sourceId === sourceId ? p : { ...p, sourceId }));
    setActiveQuote(quoteId);
    if (focus) setQuoteFocus((n) => n + 1);
  }, []);
  const openBrief = useCallback((briefId: number | null) => {
    setPlace((p) => (p.briefId === briefId ? p : { ...p, briefId }));
    setSelectedClaim(null);
  }, []);
  const showBriefView = useCallback((briefView: BriefView) => setPlace((p) => (p.briefView === briefView ? p : { ...p, briefView })), []);
  const openClaim = useCallback((briefId: number, claimId: number, focus: boolean | 'text' = true) => {
    // A claim opened from anywhere (a highlight's backlink) is shown among the claims.
    setPlace((p) => (p.briefId === briefId && p.briefView === 'claims' ? p : { ...p, briefId, briefView: 'claims' }));
    setSelectedClaim(claimId);
    if (focus) {
      setClaimFocusTarget(focus === 'text' ? 'text' : 'claim');
      setClaimFocus((n) => n + 1);
    }
  }, []);

  const value = useMemo<WorkspaceValue>(
    () => ({
      ...place,
      activeQuoteId,
      quoteFocusRequest,
      selectedClaimId,
      claimFocusRequest,
      claimFocusTarget,
      selection,
      findRequest,
      libraryTagId,
      filterByTag,
      openSource,
      openSourceAt,
      openQuote,
      openBrief,
      openClaim,
      showBriefView,
      setSelection,
      setActiveQuote,
    }),
    [place, activeQuoteId, quoteFocusRequest, selectedClaimId, claimFocusRequest, claimFocusTarget, selection, findRequest, libraryTagId, openSource, openSourceAt, openQuote, openBrief, openClaim, showBriefView],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
