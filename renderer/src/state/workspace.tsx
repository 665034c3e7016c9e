// What is open where: the source in the reader, the passage in focus, the brief and its selected
// claim. Survives a reload (localStorage), so the analyst comes back to the same place.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export interface ReaderSelection {
  sourceId: number;
  start: number;
  end: number;
  exact: string;
}

interface Place {
  sourceId: number | null;
  briefId: number | null;
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
  openSource(sourceId: number | null): void;
  openQuote(sourceId: number, quoteId: number, focus?: boolean): void;
  openBrief(briefId: number | null): void;
  openClaim(briefId: number, claimId: number, focus?: boolean | 'text'): void;
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
    };
  } catch {
    return { sourceId: null, briefId: null };
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

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(place));
  }, [place]);

  const openSource = useCallback((sourceId: number | null) => {
    setPlace((p) => (p.sourceId === sourceId ? p : { ...p, sourceId }));
    setActiveQuote(null);
    setSelection(null);
  }, []);
  const openQuote = useCallback((sourceId: number, quoteId: number, focus = true) => {
    setPlace((p) => (p.sourceId === sourceId ? p : { ...p, sourceId }));
    setActiveQuote(quoteId);
    if (focus) setQuoteFocus((n) => n + 1);
  }, []);
  const openBrief = useCallback((briefId: number | null) => {
    setPlace((p) => (p.briefId === briefId ? p : { ...p, briefId }));
    setSelectedClaim(null);
  }, []);
  const openClaim = useCallback((briefId: number, claimId: number, focus: boolean | 'text' = true) => {
    setPlace((p) => (p.briefId === briefId ? p : { ...p, briefId }));
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
      openSource,
      openQuote,
      openBrief,
      openClaim,
      setSelection,
      setActiveQuote,
    }),
    [place, activeQuoteId, quoteFocusRequest, selectedClaimId, claimFocusRequest, claimFocusTarget, selection, openSource, openQuote, openBrief, openClaim],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
