import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../db/model';
import { parseQuery } from '../../../db/search';
import { jsSnippet } from '../../../db/search/snippet';
import { casefold, isCodePointBoundary, isGraphemeBoundary, quoteContext, quoteMatchesBody } from '../../../db/text';

describe('text rules', () => {
  it('knows where a character may be cut', () => {
    const s = 'a👍🏽e\u0301𝒳';
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => isGraphemeBoundary(s, i))).toEqual([true, true, false, false, false, true, false, true, false, true]);
    expect(isCodePointBoundary(s, 2)).toBe(false);
    expect(isCodePointBoundary(s, 3)).toBe(true);
  });

  it('agrees with Intl.Segmenter everywhere, fast path included', () => {
    const pool = [...'aZ \n\r\t.,é\u00ad\u0301\u0483ЖжΩ北京。ひカ\u3099\u302a\u200d\ufe0f👍🏽🇺🇦ﻻ\u0610م\u0600각\u1100\u1161'];
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n += 1) {
      const s = Array.from({ length: 12 }, () => pool[Math.floor(next() * pool.length)]).join('');
      const expected = new Set([...seg.segment(s)].map((x) => x.index));
      expected.add(s.length);
      for (let i = 0; i <= s.length; i += 1) expect([s, i, isGraphemeBoundary(s, i)]).toEqual([s, i, expected.has(i)]);
    }
  });

  it('takes 32 characters of context and never half a surrogate pair', () => {
    const body = `${'𝒳'.repeat(20)}QUOTE${'𝒳'.repeat(20)}`;
    const start = 40;
    const { prefix, suffix } = quoteContext(body, start, start + 5);
    expect(prefix).toBe('𝒳'.repeat(16));
    expect(suffix).toBe('𝒳'.repeat(16));
    expect(quoteMatchesBody(body, start, start + 5, 'QUOTE', prefix, suffix)).toBe(true);
    expect(quoteMatchesBody(body, start, start + 5, 'QUOTF', prefix, suffix)).toBe(false);
  });

  it('folds case in every script for tag names', () => {
    expect(casefold(' Ёлка ')).toBe(casefold('ёЛКА'));
    expect(casefold('Straße')).toBe('straße');
  });
});

describe('reading a search query', () => {
  it('splits on spaces and keeps quoted phrases, taking a stray quote literally', () => {
    expect(parseQuery('  talks "would resume"  北京 ')).toEqual(['talks', 'would resume', '北京']);
    expect(parseQuery('a"b "')).toEqual(['a"b', '"']);
    expect(parseQuery('""')).toEqual(['""']);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('builds a snippet around the first match, marking every term', () => {
    const text = `${'x'.repeat(100)} 北京 and 上海 ${'y'.repeat(100)}`;
    const s = jsSnippet(text, ['北京', '上海']);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain(`${SNIPPET_OPEN}北京${SNIPPET_CLOSE} and ${SNIPPET_OPEN}上海${SNIPPET_CLOSE}`);
    expect(jsSnippet('Ok go', ['OK'])).toBe(`${SNIPPET_OPEN}Ok${SNIPPET_CLOSE} go`);
  });
});
