// The workspace: library, reader and brief side by side, with the app bar and global shortcuts.
import { useEffect, useState } from 'react';
import { BriefPane } from './brief/BriefPane';
import { useNewBrief } from './brief/useNewBrief';
import { LibraryPane } from './library/LibraryPane';
import { ReaderPane } from './reader/ReaderPane';
import { SearchDialog } from './search/SearchDialog';
import { ShareMenu } from './share/ShareMenu';
import { ErrorsProvider, useErrors } from './state/errors';
import { undoTarget } from './state/editing';
import { history } from './state/undo';
import { useWorkspaceSelect, WorkspaceProvider } from './state/workspace';
import { runCommand, useCommand } from './commands/registry';
import { useMenuCommands, useShortcuts } from './commands/shortcuts';
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

function Workspace() {
  const [searching, setSearching] = useState(false);
  const newBrief = useNewBrief();
  const qc = useQueryClient();
  const { showError } = useErrors();
  const briefId = useWorkspaceSelect((s) => s.briefId);
  const analysing = useWorkspaceSelect((s) => s.briefView === 'analysis' && s.briefId !== null);

  useEffect(() => history.setErrorHandler(showError), [showError]);

  useShortcuts();
  useMenuCommands();
  useCommand('search', () => setSearching(true));
  useCommand('new-brief', () => void newBrief());
  // Edit > Undo/Redo and Ctrl+Z: the focused text field's own undo, otherwise the open brief's.
  const walk = (did: 'undo' | 'redo') => {
    if (undoTarget(document.activeElement) === 'field') document.execCommand(did);
    else if (briefId !== null) void history[did](qc, briefId);
  };
  useCommand('undo', () => walk('undo'));
  useCommand('redo', () => walk('redo'));

  return (
    <div className="app">
      <header className="app-bar">
        <h1>Sourcemark</h1>
        <button type="button" className="search-button" onClick={() => runCommand('search')} aria-keyshortcuts="Control+K">
          Search <kbd>Ctrl K</kbd>
        </button>
        <UndoButtons />
        <ShareMenu />
        <SaveStatus />
      </header>
      <ErrorBanner />
      <main className={`workspace${analysing ? ' analysing' : ''}`}>
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
