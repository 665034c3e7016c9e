import { useErrors } from '../state/errors';
import { CloseIcon } from './icons';

/** The app's one place for error messages. Always in the DOM so screen readers announce changes. */
export function ErrorBanner() {
  const { error, clearError } = useErrors();
  return (
    <div role="alert" className={error ? 'error-banner' : 'error-banner empty'}>
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
