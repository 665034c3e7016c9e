// What is open where: the source in the reader, the passage in focus, the brief and its selected
// claim. Survives a reload (localStorage), so the analyst comes back to the same place.
//
// Kept in a small store rather than a context value: a context re-renders every reader on any change,
// and a brief shows hundreds of claims that each care about almost none of it. A component subscribes
// to the part it shows (useWorkspaceSelect), calls actions that never change (useWorkspaceActions), or
// reads the current state when an event fires (useWorkspaceStore().get()) without subscribing at all.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';

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

export interface WorkspaceState extends Place {
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
  /** The tag the library's lists are filtered by. */
  libraryTagId: number | null;
}

export interface WorkspaceActions {
  openSource(sourceId: number | null): void;
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

export type WorkspaceValue = WorkspaceState & WorkspaceActions;

export interface WorkspaceStore extends WorkspaceActions {
  get(): WorkspaceState;
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = 'sourcemark.workspace';

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

export function createWorkspaceStore(place: Omit<Place, 'briefView'> & Partial<Pick<Place, 'briefView'>>): WorkspaceStore {
  let state: WorkspaceState = {
    ...place,
    briefView: place.briefView ?? 'claims',
    activeQuoteId: null,
    quoteFocusRequest: 0,
    selectedClaimId: null,
    claimFocusRequest: 0,
    claimFocusTarget: 'claim',
    selection: null,
    findRequest: null,
    libraryTagId: null,
  };
  const listeners = new Set<() => void>();
  const set = (change: Partial<WorkspaceState>) => {
    const next = { ...state, ...change };
    if ((Object.keys(change) as (keyof WorkspaceState)[]).every((k) => Object.is(next[k], state[k]))) return;
    state = next;
    for (const l of listeners) l();
  };
  const openSource = (sourceId: number | null) => set({ sourceId, activeQuoteId: null, selection: null });
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openSource,
    filterByTag: (libraryTagId) => set({ libraryTagId }),
    openSourceAt(sourceId, query) {
      openSource(sourceId);
      set({ findRequest: { sourceId, query, n: (state.findRequest?.n ?? 0) + 1 } });
    },
    openQuote(sourceId, quoteId, focus = true) {
      set({ sourceId, activeQuoteId: quoteId, ...(focus ? { quoteFocusRequest: state.quoteFocusRequest + 1 } : {}) });
    },
    openBrief: (briefId) => set({ briefId, selectedClaimId: null }),
    openClaim(briefId, claimId, focus = true) {
      const asked = focus ? { claimFocusTarget: focus === 'text' ? ('text' as const) : ('claim' as const), claimFocusRequest: state.claimFocusRequest + 1 } : {};
      // A claim opened from anywhere (a highlight's backlink) is shown among the claims.
      set({ briefId, selectedClaimId: claimId, briefView: 'claims', ...asked });
    },
    showBriefView: (briefView) => set({ briefView }),
    setSelection: (selection) => set({ selection }),
    setActiveQuote: (activeQuoteId) => set({ activeQuoteId }),
  };
}

const Ctx = createContext<WorkspaceStore | null>(null);

export function WorkspaceProvider({ children, store: given }: { children: ReactNode; store?: WorkspaceStore }) {
  const [store] = useState(() => given ?? createWorkspaceStore(loadPlace()));
  useEffect(() => {
    let saved = '';
    const save = () => {
      const { sourceId, briefId, briefView } = store.get();
      const json = JSON.stringify({ sourceId, briefId, briefView });
      if (json !== saved) localStorage.setItem(STORAGE_KEY, (saved = json));
    };
    save();
    return store.subscribe(save);
  }, [store]);
  return <Ctx.Provider value={store}>{children}</Ctx.Provider>;
}

/** The store itself: actions, and `get()` for reading the state when an event fires. */
export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(Ctx);
  if (!store) throw new Error('useWorkspace outside WorkspaceProvider');
  return store;
}

/** Actions only: they never change, so a component using them re-renders for nothing here. */
export const useWorkspaceActions: () => WorkspaceActions = useWorkspaceStore;

/** One part of the workspace; the component re-renders only when that part changes (compared with Object.is). */
export function useWorkspaceSelect<T>(select: (state: WorkspaceState) => T): T {
  const store = useWorkspaceStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

/** All of it: for the panes, which show most of it anyway. Re-renders on every change. */
export function useWorkspace(): WorkspaceValue {
  const store = useWorkspaceStore();
  const state = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => ({ ...store, ...state }), [store, state]);
}
