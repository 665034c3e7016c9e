import { describe, expect, it } from 'vitest';
import { clip, shortDate, sourceLabel } from '../../../renderer/src/ui/format';

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
});
