// The shared vocabulary: one wording of each scale, and the contract's enums built from its lists.
import { describe, expect, it } from 'vitest';
import { credibility, relation, reliability } from '../../../main/contract';
import { credibilityText, reliabilityText } from '../../../main/export/words';
import {
  CREDIBILITIES,
  credibilityLabel,
  clip,
  formatBytes,
  quoted,
  IMPORTABLE_EXTENSIONS,
  IMPORT_EXTENSIONS,
  MAX_IMPORT_FILE_BYTES,
  pageLabel,
  RELATIONS,
  RELIABILITIES,
  reliabilityLabel,
} from '../../../main/vocabulary';
import { IMPORT_LIMITS } from '../../../main/import/types';

describe('the Admiralty scale', () => {
  it('has the standard NATO wording for every grade', () => {
    expect(RELIABILITIES.map(reliabilityLabel)).toEqual([
      'A — completely reliable',
      'B — usually reliable',
      'C — fairly reliable',
      'D — not usually reliable',
      'E — unreliable',
      'F — reliability cannot be judged',
    ]);
    expect(CREDIBILITIES.map(credibilityLabel)).toEqual([
      '1 — confirmed by other sources',
      '2 — probably true',
      '3 — possibly true',
      '4 — doubtful',
      '5 — improbable',
      '6 — truth cannot be judged',
    ]);
  });

  it('is worded the same in the exports as in the forms', () => {
    expect(reliabilityText('B')).toBe(reliabilityLabel('B'));
    expect(credibilityText(4)).toBe(credibilityLabel(4));
    expect(reliabilityText(null)).toBe('not rated');
  });
});

describe('the contract reads its enums from the vocabulary', () => {
  it('accepts every coded value and nothing else', () => {
    expect(reliability.options).toEqual([...RELIABILITIES]);
    expect(CREDIBILITIES.every((c) => credibility.safeParse(c).success)).toBe(true);
    expect(credibility.safeParse(7).success).toBe(false);
    expect(relation.options).toEqual([...RELATIONS]);
  });
});

describe('import limits and formats', () => {
  it('are one limit and one list on both sides', () => {
    expect(IMPORT_LIMITS.maxFileBytes).toBe(MAX_IMPORT_FILE_BYTES);
    expect(formatBytes(MAX_IMPORT_FILE_BYTES)).toBe('50 MB');
    expect([...IMPORTABLE_EXTENSIONS].sort()).toEqual(Object.keys(IMPORT_EXTENSIONS).sort());
    expect(IMPORTABLE_EXTENSIONS).toContain('docx');
  });
});

describe('formatBytes', () => {
  it('says bytes in words and larger sizes to one decimal, dropping ".0"', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5120 GB');
  });
});

describe('pageLabel', () => {
  it('names one page or a range, and nothing without pages', () => {
    expect(pageLabel({ first: 4, last: 4 })).toBe('p. 4');
    expect(pageLabel({ first: 4, last: 5 })).toBe('pp. 4–5');
    expect(pageLabel(null)).toBe('');
  });
});

describe('naming a text without quoting all of it', () => {
  it('keeps short text whole, on one line', () => {
    expect(clip('Crane\n  maintenance ', 40)).toBe('Crane maintenance');
    expect(quoted('Crane maintenance')).toBe('“Crane maintenance”');
  });

  it('cuts long text to the limit with an ellipsis, never leaving a space before it', () => {
    const text = 'Talks will resume next week according to the ministry.';
    expect(clip(text, 41)).toBe('Talks will resume next week according to…');
    expect(clip(text, 42)).toBe('Talks will resume next week according to…');
    expect(clip(text, 41).length).toBeLessThanOrEqual(41);
    expect(quoted(text)).toBe('“Talks will resume next week according t…”');
  });
});
