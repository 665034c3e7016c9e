// One error display for the whole app. Anything that fails reports here; the banner is role=alert.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export interface ShownError {
  code: string;
  message: string;
}

interface ErrorsValue {
  error: ShownError | null;
  showError(err: unknown): void;
  clearError(): void;
}

const ErrorsContext = createContext<ErrorsValue | null>(null);

export function toShownError(err: unknown): ShownError {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}

// The query client is created outside React; this lets its global onError reach the banner.
let reportOutsideReact: (err: unknown) => void = () => {};
export function reportError(err: unknown): void {
  reportOutsideReact(err);
}

export function ErrorsProvider({ children }: { children: ReactNode }) {
  const [error, setError] = useState<ShownError | null>(null);
  const showError = useCallback((err: unknown) => setError(toShownError(err)), []);
  const clearError = useCallback(() => setError(null), []);
  reportOutsideReact = showError;
  const value = useMemo(() => ({ error, showError, clearError }), [error, showError, clearError]);
  return <ErrorsContext.Provider value={value}>{children}</ErrorsContext.Provider>;
}

export function useErrors(): ErrorsValue {
  const value = useContext(ErrorsContext);
  if (!value) throw new Error('useErrors outside ErrorsProvider');
  return value;
}

/** Runs an action and sends any failure to the error display: for buttons and menus. */
export function useGuarded(): (action: () => Promise<unknown>) => Promise<void> {
  const { showError } = useErrors();
  return useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (err) {
        showError(err);
      }
    },
    [showError],
  );
}
