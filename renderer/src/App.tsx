// The workspace: library, reader and brief side by side, with the app bar and global shortcuts.
import { useEffect, useRef, useState } from 'react';
import { BriefPane } from './brief/BriefPane';
import { useNewBrief } from './brief/useNewBrief';
import { LibraryPane } from './library/LibraryPane';
import { ReaderPane } from './reader/ReaderPane';
import { SearchDialog } from './search/SearchDialog';
import { ErrorsProvider, useErrors } from './state/errors';
import { undoTarget } from './state/editing';
import { history } from './state/undo';
import { useWorkspace, WorkspaceProvider } from './state/workspace';
import { useQueryClient } from '@tanstack/react-query';
import { TagDatalist } from './tags/TagDatalist';
import { ErrorBanner } from './ui/ErrorBanner';
import { SaveStatus } from './ui/SaveStatus';
import { UndoButtons } from './ui/UndoButtons';
import { UndoNotice } from './ui/UndoNotice';

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
  const qc = useQueryClient();
  const { briefId, briefView } = useWorkspace();
  // Key and menu handlers are installed once; they read the open brief from here.
  const walkRef = useRef<(did: 'undo' | 'redo') => void>(() => {});
  walkRef.current = (did) => {
    if (briefId !== null) void history[did](qc, briefId);
  };

  useEffect(() => history.setErrorHandler(showError), [showError]);

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
        // In a text field the browser undoes that field's typing; the brief is not touched.
        if (undoTarget(document.activeElement) === 'field') return;
        e.preventDefault();
        walkRef.current(key === 'y' || e.shiftKey ? 'redo' : 'undo');
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
        // Edit > Undo/Redo: like Ctrl+Z, the focused text field's own undo, otherwise the brief's.
        else if (command === 'undo' || command === 'redo') {
          if (undoTarget(document.activeElement) === 'field') document.execCommand(command);
          else walkRef.current(command);
        }
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
      <main className={`workspace${briefView === 'analysis' && briefId !== null ? ' analysing' : ''}`}>
        <LibraryPane />
        <ReaderPane />
        <BriefPane />
      </main>
      <UndoNotice />
      <SearchDialog open={searching} onClose={() => setSearching(false)} />
      <TagDatalist />
    </div>
  );
}
