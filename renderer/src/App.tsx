// The workspace: library, reader and brief side by side, with the app bar and global shortcuts.
import { useEffect, useState } from 'react';
import { BriefPane } from './brief/BriefPane';
import { useNewBrief } from './brief/useNewBrief';
import { LibraryPane } from './library/LibraryPane';
import { ReaderPane } from './reader/ReaderPane';
import { SearchDialog } from './search/SearchDialog';
import { ErrorsProvider, useErrors } from './state/errors';
import { undoStack } from './state/undo';
import { WorkspaceProvider } from './state/workspace';
import { TagDatalist } from './tags/TagDatalist';
import { ErrorBanner } from './ui/ErrorBanner';
import { SaveStatus } from './ui/SaveStatus';
import { UndoButtons } from './ui/UndoButtons';

export function App() {
  return (
    <ErrorsProvider>
      <WorkspaceProvider>
        <Workspace />
      </WorkspaceProvider>
    </ErrorsProvider>
  );
}

/** Asks the export engineer's component to start an export (Ctrl+E, menu). */
export function requestExport(): void {
  window.dispatchEvent(new CustomEvent('sourcemark:export'));
}

/** Asks the import engineer's component to open its file picker (menu). */
export function requestImport(): void {
  window.dispatchEvent(new CustomEvent('sourcemark:import'));
}

function Workspace() {
  const { showError } = useErrors();
  const [searching, setSearching] = useState(false);
  const newBrief = useNewBrief();

  useEffect(() => undoStack.setErrorHandler(showError), [showError]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      const inModal = document.querySelector('dialog[open]') !== null;
      if (key === 'k') {
        e.preventDefault();
        setSearching(true);
      } else if (key === 'e' && !inModal) {
        e.preventDefault();
        requestExport();
      } else if ((key === 'z' || key === 'y') && !inModal) {
        e.preventDefault();
        if (key === 'y' || e.shiftKey) void undoStack.redo();
        else void undoStack.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(
    () =>
      window.sourcemark?.onMenuCommand?.((command) => {
        if (command === 'new-brief') void newBrief();
        else if (command === 'import') requestImport();
        else if (command === 'export') requestExport();
        // Sent by a menu that routes Edit > Undo/Redo to the app rather than to the focused field.
        else if (command === 'undo') void undoStack.undo();
        else if (command === 'redo') void undoStack.redo();
      }),
    [newBrief],
  );

  return (
    <div className="app">
      <header className="app-bar">
        <h1>Sourcemark</h1>
        <button type="button" className="search-button" onClick={() => setSearching(true)} aria-keyshortcuts="Control+K">
          Search <kbd>Ctrl K</kbd>
        </button>
        <UndoButtons />
        <SaveStatus />
      </header>
      <ErrorBanner />
      <main className="workspace">
        <LibraryPane />
        <ReaderPane />
        <BriefPane />
      </main>
      <SearchDialog open={searching} onClose={() => setSearching(false)} />
      <TagDatalist />
    </div>
  );
}
