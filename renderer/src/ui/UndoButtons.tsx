import { useQueryClient } from '@tanstack/react-query';
import { history, useUndoState } from '../state/undo';
import { useWorkspace } from '../state/workspace';

/** Undo and Redo of the open brief's history; their tooltips say what each would do. */
export function UndoButtons() {
  const qc = useQueryClient();
  const { briefId } = useWorkspace();
  const state = useUndoState(briefId).data;
  const undo = briefId !== null && state?.briefId === briefId ? state.undo : null;
  const redo = briefId !== null && state?.briefId === briefId ? state.redo : null;
  return (
    <div className="undo-buttons" role="group" aria-label="Undo and redo in the brief">
      <button
        type="button"
        onClick={() => briefId !== null && void history.undo(qc, briefId)}
        disabled={!undo}
        title={undo ? `Undo ${undo} (Ctrl+Z outside a text field)` : 'Nothing to undo in this brief'}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => briefId !== null && void history.redo(qc, briefId)}
        disabled={!redo}
        title={redo ? `Redo ${redo} (Ctrl+Shift+Z outside a text field)` : 'Nothing to redo in this brief'}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
    </div>
  );
}
