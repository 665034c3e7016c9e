// The keyboard shortcuts of the workspace, as data: each names a command of the registry.
import { useEffect } from 'react';
import { undoTarget } from '../state/editing';
import { runCommand, type CommandId } from './registry';

interface Shortcut {
  /** With Ctrl (Cmd on macOS); lower case. */
  key: string;
  /** true: only with Shift; false: only without; omitted: either. */
  shift?: boolean;
  command: CommandId;
  /** Not while a dialog is open (the dialog has the keyboard). */
  outsideDialogs?: boolean;
  /** Not in a text field: there the browser's own handling of the key applies (a field's undo). */
  outsideFields?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'k', command: 'search' },
  { key: 'e', command: 'export', outsideDialogs: true },
  { key: 'z', shift: false, command: 'undo', outsideDialogs: true, outsideFields: true },
  { key: 'z', shift: true, command: 'redo', outsideDialogs: true, outsideFields: true },
  { key: 'y', command: 'redo', outsideDialogs: true, outsideFields: true },
];

/** The shortcut a key press means, if any, given where focus is and whether a dialog is open. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, inDialog: boolean, inField: boolean): Shortcut | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  const found = SHORTCUTS.find((s) => s.key === key && (s.shift === undefined || s.shift === e.shiftKey));
  if (!found || (found.outsideDialogs && inDialog) || (found.outsideFields && inField)) return null;
  return found;
}

/** Installs the shortcuts on the window for as long as the workspace is shown. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inDialog = document.querySelector('dialog[open]') !== null;
      const found = shortcutFor(e, inDialog, undoTarget(document.activeElement) === 'field');
      if (!found) return;
      e.preventDefault();
      runCommand(found.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Routes the desktop menu's commands to the registry. */
export function useMenuCommands(): void {
  useEffect(() => window.sourcemark?.onMenuCommand?.((command) => void runCommand(command)), []);
}
