// Bylines as pages render them often run the name together with a date, a reading time or a comment
// count ("Lucas Nolan22 Dec 2016651", "By Jane Roe | March 3, 2020 | 5 min read"). The name is what
// belongs in the author field; a date found there can stand in for a missing published date.

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  [
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`, // 22 Dec 2016
    `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, // December 22, 2016
    '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?', // 2016-12-22
    '\\d{1,2}[./]\\d{1,2}[./]\\d{4}', // 22.12.2016, 12/22/2016
  ].join('|'),
  'i',
);
/** Words that introduce a date or follow a name in bylines, not part of the name. */
const FILLER = /(?:[\s|,·•–—:-]|\b(?:on|published|updated|posted|last)\b)+$/i;
const TRAILING_NOISE = /(?:[\s|,·•–—:-]*(?:\d+\s*(?:min(?:ute)?s?\s*read|comments?|views?|shares?)|\d+|\d+\s*(?:hours?|days?|minutes?)\s+ago))+$/i;

export interface Byline {
  name: string | null;
  /** A date written in the byline, as written. */
  date: string | null;
}

export function splitByline(raw: string | null | undefined): Byline {
  let text = raw?.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '') ?? '';
  if (!text || /^https?:\/\//i.test(text)) return { name: null, date: null };
  let date: string | null = null;
  const m = DATE.exec(text);
  // A date at the very start is a dateline, not a byline; only a date after a name is split off.
  if (m && m.index > 0) {
    date = m[0];
    text = text.slice(0, m.index);
  }
  const name = text.replace(TRAILING_NOISE, '').replace(FILLER, '').trim();
  return { name: name || null, date };
}
