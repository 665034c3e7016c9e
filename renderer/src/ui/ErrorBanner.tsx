import { useEffect, useRef, useState } from 'react';
import { useErrors } from '../state/errors';
import { CloseIcon } from './icons';

/** Long enough to read a two-line message twice; the pointer or focus on it keeps it. */
const SHOW_MS = 15_000;

/**
 * The app's one place for error messages. Always in the DOM so screen readers announce changes. It
 * floats (nothing moves when it appears), goes by itself after a while, and × dismisses it at once.
 */
export function ErrorBanner() {
  const { error, clearError } = useErrors();
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error || held) return;
    const timer = setTimeout(clearError, SHOW_MS);
    return () => clearTimeout(timer);
  }, [error, held, clearError]);
  return (
    <div
      ref={box}
      role="alert"
      className={error ? 'error-banner' : 'error-banner empty'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !box.current?.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      {error && (
        <>
          <span>{error.message}</span>
          <button type="button" onClick={clearError} aria-label="Dismiss error">
            <CloseIcon />
          </button>
        </>
      )}
    </div>
  );
}
