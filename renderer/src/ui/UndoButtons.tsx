import { useUndoState, undoStack } from '../state/undo';

export function UndoButtons() {
  const { undoLabel, redoLabel } = useUndoState();
  return (
    <div className="undo-buttons" role="group" aria-label="Undo and redo">
      <button type="button" onClick={() => void undoStack.undo()} disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </button>
      <button type="button" onClick={() => void undoStack.redo()} disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </button>
    </div>
  );
}
