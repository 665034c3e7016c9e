import { describe, expect, it } from 'vitest';
import { undoTarget } from '../../../renderer/src/state/editing';

const input = (type: string | null) => ({ tagName: 'INPUT', getAttribute: (n: string) => (n === 'type' ? type : null) });

describe('where Ctrl+Z goes', () => {
  it('stays in fields the analyst types in', () => {
    expect(undoTarget({ tagName: 'TEXTAREA' })).toBe('field');
    for (const t of [null, 'text', 'search', 'url', 'date', 'TEXT']) expect(undoTarget(input(t)), String(t)).toBe('field');
    expect(undoTarget({ tagName: 'DIV', isContentEditable: true })).toBe('field');
  });

  it('walks the brief’s history from anywhere else', () => {
    for (const t of ['checkbox', 'radio', 'button', 'color', 'file']) expect(undoTarget(input(t)), t).toBe('brief');
    expect(undoTarget({ tagName: 'SELECT' })).toBe('brief');
    expect(undoTarget({ tagName: 'BUTTON' })).toBe('brief');
    expect(undoTarget({ tagName: 'BODY', isContentEditable: false })).toBe('brief');
    expect(undoTarget(null)).toBe('brief');
  });
});
