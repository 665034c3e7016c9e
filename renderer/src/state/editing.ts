// Where Ctrl+Z belongs. Inside a field the analyst types in, it is that field's own undo (the
// browser's); anywhere else it walks the brief's history. Pure, so it is tested without a browser.

/** The parts of a focused element that decide it (an Element satisfies this). */
export interface Focused {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

/** Input types that take typed text and so have their own undo. */
const TYPED = new Set(['', 'text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'datetime-local', 'month', 'week', 'time']);

export function isTextEntry(el: Focused | null | undefined): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return TYPED.has((el.getAttribute?.('type') ?? '').toLowerCase());
  return el.isContentEditable === true;
}

/** What Undo (or Redo) acts on, given the focused element. */
export function undoTarget(el: Focused | null | undefined): 'field' | 'brief' {
  return isTextEntry(el) ? 'field' : 'brief';
}
