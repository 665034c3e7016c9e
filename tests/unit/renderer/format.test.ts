import { describe, expect, it } from 'vitest';
import { clip, firstSentence, shortDate, sourceLabel } from '../../../renderer/src/ui/format';

describe('formatting for lists and tags', () => {
  it('shows a bare date as the calendar day written, whatever the time zone', () => {
    const expected = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 2, 1)),
    );
    expect(shortDate('2026-03-01')).toBe(expected);
    expect(shortDate(null)).toBe('');
    expect(shortDate('not a date')).toBe('not a date');
  });

  it('names a source by its outlet, else its title', () => {
    expect(sourceLabel({ outlet: ' Reuters ', title: 'T' })).toBe('Reuters');
    expect(sourceLabel({ outlet: null, title: 'Title' })).toBe('Title');
  });

  it('clips long text on one line', () => {
    expect(clip('a\n b   c', 10)).toBe('a b c');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
  });

  it('shows a claim by its first sentence, whole, with an ellipsis only when that sentence is cut', () => {
    expect(firstSentence('Troops moved north. The ministry denied it.')).toBe('Troops moved north.');
    expect(firstSentence('  One line,\n  folded.  ')).toBe('One line, folded.');
    // Abbreviations and decimals do not end a sentence.
    expect(firstSentence('U.S. officials counted 2.5 brigades near the border. Others disagree.')).toBe('U.S. officials counted 2.5 brigades near the border.');
    expect(firstSentence('Войска двинулись на север. Министерство это отрицает.')).toBe('Войска двинулись на север.');
    const long = `Columns ${'moved along the road '.repeat(30)}at night.`;
    expect(firstSentence(long)).toBe(long);
    const cut = firstSentence(long, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).toMatch(/\w…$/);
    expect(firstSentence('')).toBe('');
  });
});
