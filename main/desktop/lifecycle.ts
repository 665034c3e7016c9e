// Decisions about the desktop app's life: when it may quit, what to do with a page that failed to
// load. Electron's events call these; they hold no Electron objects so Vitest drives them.

/** Calls that are still running (an export writing its file, an import storing sources). */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return work;
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when everything tracked so far, and anything tracked meanwhile, has settled. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}

export interface QuitEvent {
  preventDefault(): void;
}

export interface ShutdownDeps {
  inFlight: InFlight;
  /** Closes the library (checkpoints the WAL); may reject. */
  closeLibrary: (() => Promise<void>) | null;
  quit(): void;
  /** Where a failed close is reported (stderr; the library's own recovery handles the rest). */
  report(message: string): void;
  /** Hides the windows while the last work finishes, so the app looks closed at once. */
  hideWindows?(): void;
}

/**
 * The order of a quit: wait for running calls (an export whose window was closed still writes its
 * file and its audit record), then close the library once, then let the app go. Electron's
 * before-quit and will-quit both route here; a second quit request while waiting changes nothing.
 */
export function createShutdown(deps: ShutdownDeps) {
  let phase: 'running' | 'draining' | 'closing' | 'done' = 'running';
  const finish = async () => {
    phase = 'draining';
    deps.hideWindows?.();
    await deps.inFlight.idle();
    phase = 'closing';
    try {
      await deps.closeLibrary?.();
    } catch (err) {
      deps.report(`Sourcemark: closing the library failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    phase = 'done';
    deps.quit();
  };
  return {
    get phase() {
      return phase;
    },
    /** For before-quit and will-quit alike. */
    onQuitRequested(event: QuitEvent): void {
      if (phase === 'done') return;
      event.preventDefault();
      if (phase === 'running') void finish();
    },
  };
}

export interface LoadFailure {
  errorCode: number;
  errorDescription: string;
  validatedURL: string;
  isMainFrame: boolean;
}

/** Chromium's net error for a navigation that was cancelled (by a newer one, or by us): not a failure. */
const ERR_ABORTED = -3;

/**
 * Whether a did-fail-load means the analyst is looking at nothing, and the sentence to show then.
 * Subframe failures and aborted navigations are not worth a word.
 */
export function loadFailureMessage(failure: LoadFailure): string | null {
  if (!failure.isMainFrame || failure.errorCode === ERR_ABORTED) return null;
  const what = failure.errorDescription || `error ${failure.errorCode}`;
  return (
    `Sourcemark’s window could not load ${failure.validatedURL} (${what}, code ${failure.errorCode}).\n\n` +
    'Your library is untouched. The app’s files may be incomplete: rebuild with `npm run build` (or reinstall Sourcemark), then start it again.'
  );
}
