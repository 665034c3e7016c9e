// The state of find in source: what is looked for, the matches the back end found in the whole text,
// which one is current, and requests to scroll to it. A search hit that opens a source starts a find
// for its words, so the reader lands on the first match.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useDebounced } from '../ui/useDebounced';

export interface Match {
  start: number;
  end: number;
}

export interface FindState {
  open: boolean;
  query: string;
  matches: Match[];
  truncated: boolean;
  current: number;
  pending: boolean;
  error: string | null;
  /** Bumped when the input should take focus. */
  focusRequest: number;
  /** Bumped when the reader should scroll to the current match. */
  scrollRequest: number;
  show(): void;
  setQuery(q: string): void;
  /** Opens the bar on a search's words, each found on its own, and lands on the first match. */
  land(query: string): void;
  step(delta: 1 | -1): void;
  close(): void;
}

const NONE: Match[] = [];

export function useFind(sourceId: number, onClose: () => void): FindState {
  const [open, setOpen] = useState(false);
  const [query, setQueryText] = useState('');
  const [phrase, setPhrase] = useState(true);
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [scrollRequest, setScrollRequest] = useState(0);
  const debounced = useDebounced(query.trim(), 120);
  const wanted = open && debounced.length > 0;
  const result = useQuery({
    queryKey: keys.find(sourceId, debounced, phrase),
    queryFn: () => client.findInSource({ sourceId, query: debounced, phrase }),
    enabled: wanted,
    placeholderData: (previous, prev) => (prev?.queryKey[1] === sourceId ? previous : undefined),
    staleTime: Infinity, // a source text never changes
  });
  const matches = wanted ? (result.data?.matches ?? NONE) : NONE;

  // New matches: the first one is current, and the reader goes there.
  useEffect(() => {
    setCurrent(0);
    if (matches.length > 0) setScrollRequest((n) => n + 1);
  }, [matches]);

  const show = useCallback(() => {
    setOpen(true);
    setFocusRequest((n) => n + 1);
  }, []);
  const setQuery = useCallback((q: string) => {
    setQueryText(q);
    setPhrase(true);
  }, []);
  const land = useCallback((q: string) => {
    setOpen(true);
    setQueryText(q);
    setPhrase(false);
  }, []);
  const step = useCallback(
    (delta: 1 | -1) => {
      if (matches.length === 0) return;
      setCurrent((c) => (c + delta + matches.length) % matches.length);
      setScrollRequest((n) => n + 1);
    },
    [matches.length],
  );
  const close = useCallback(() => {
    setOpen(false);
    setQueryText('');
    onClose();
  }, [onClose]);

  return useMemo(
    () => ({
      open,
      query,
      matches,
      truncated: wanted ? (result.data?.truncated ?? false) : false,
      current: Math.min(current, Math.max(0, matches.length - 1)),
      pending: wanted && (result.isFetching || debounced !== query.trim()),
      error: result.isError ? result.error.message : null,
      focusRequest,
      scrollRequest,
      show,
      setQuery,
      land,
      step,
      close,
    }),
    [open, query, matches, wanted, result.data, result.isFetching, result.isError, result.error, current, debounced, focusRequest, scrollRequest, show, setQuery, land, step, close],
  );
}
