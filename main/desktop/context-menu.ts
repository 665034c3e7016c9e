// The right-click menu of the desktop window: spelling suggestions for a misspelled word, then the
// editing commands that fit where the click landed. Plain data here; main/electron/ turns it into
// an Electron Menu.

/** The parts of Electron's ContextMenuParams this needs. */
export interface ContextMenuParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export type ContextMenuItem =
  | { kind: 'role'; role: 'cut' | 'copy' | 'paste' | 'selectAll'; enabled: boolean }
  | { kind: 'replace'; word: string }
  | { kind: 'learn'; word: string }
  | { kind: 'note'; label: string }
  | { kind: 'separator' };

const MAX_SUGGESTIONS = 6;

export function contextMenuItems(params: ContextMenuParams): ContextMenuItem[] {
  const items: ContextMenuItem[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length) for (const word of suggestions) items.push({ kind: 'replace', word });
    else items.push({ kind: 'note', label: 'No spelling suggestions' });
    items.push({ kind: 'learn', word: params.misspelledWord }, { kind: 'separator' });
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { kind: 'role', role: 'cut', enabled: flags.canCut },
      { kind: 'role', role: 'copy', enabled: flags.canCopy },
      { kind: 'role', role: 'paste', enabled: flags.canPaste },
      { kind: 'separator' },
      { kind: 'role', role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    // Reading a source: copying the selection is the one thing to offer.
    items.push({ kind: 'role', role: 'copy', enabled: flags.canCopy });
  }
  return items;
}

/**
 * Chromium's spellchecker downloads Hunspell dictionaries from Google's servers on Windows and
 * Linux; only macOS checks spelling with the OS's own dictionaries. Sourcemark promises to make no
 * network request, so spelling is checked only where it costs none.
 */
export function spellcheckEnabled(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}
