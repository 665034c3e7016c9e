import { describe, expect, it } from 'vitest';
import { facesFor, fontCatalogue, parseFontsourceCss, parseUnicodeRange } from '../../../main/export/fonts';

describe('print fonts', () => {
  it('reads unicode ranges, single points and wildcards', () => {
    expect(parseUnicodeRange('U+0400-045F,U+2116, U+4??')).toEqual([
      [0x400, 0x45f],
      [0x400, 0x4ff],
      [0x2116, 0x2116],
    ]);
  });

  it('reads a fontsource stylesheet, keeping the woff2 file of each upright face', () => {
    const css = `@font-face { font-family: 'Noto Sans'; font-style: normal; font-weight: 400;
      src: url(./files/a.woff2) format('woff2'), url(./files/a.woff) format('woff'); unicode-range: U+0000-00FF; }
      @font-face { font-family: 'Noto Sans'; font-style: italic; font-weight: 400; src: url(./files/b.woff2) format('woff2'); unicode-range: U+0000-00FF; }`;
    expect(parseFontsourceCss(css, '/fonts')).toEqual([
      { family: 'Noto Sans', weight: 400, file: '/fonts/files/a.woff2', unicodeRange: 'U+0000-00FF', ranges: [[0, 255]] },
    ]);
  });

  it('finds regular and bold faces of the three shipped families', () => {
    const families = new Set(fontCatalogue().map((f) => `${f.family} ${f.weight}`));
    for (const f of ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC']) {
      expect(families).toContain(`${f} 400`);
      expect(families).toContain(`${f} 700`);
    }
  });

  it('picks only the subsets that cover the characters in use, per weight', () => {
    const names = (faces: ReturnType<typeof facesFor>) => faces.map((f) => `${f.family}/${f.weight}/${f.file.split('/').pop()}`);
    const latin = names(facesFor('Hello', 'Hi'));
    expect(latin).toEqual(['Noto Sans/400/noto-sans-latin-400-normal.woff2', 'Noto Sans/700/noto-sans-latin-700-normal.woff2']);
    const mixed = names(facesFor('Привет مرحبا 你好', ''));
    expect(mixed).toContain('Noto Sans/400/noto-sans-cyrillic-400-normal.woff2');
    expect(mixed.some((n) => n.startsWith('Noto Sans Arabic/400/'))).toBe(true);
    expect(mixed.some((n) => n.startsWith('Noto Sans SC/400/'))).toBe(true);
    expect(mixed.every((n) => n.includes('/400/'))).toBe(true);
    // Two characters of Chinese need a handful of the ~100 subsets, not the whole family.
    expect(mixed.filter((n) => n.startsWith('Noto Sans SC/')).length).toBeLessThan(5);
  });
});
