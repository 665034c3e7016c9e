// The UI may not depend on a system emoji or symbol font: on a machine without one, 🗑 or ▾ is an
// empty box. Icons are lucide-react SVGs; this reads every renderer source file and the fixed wording
// of the exports and fails on any emoji or on symbol blocks the shipped Noto faces do not cover.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, ext) : ext.test(e.name) ? [full] : [];
  });
}

/**
 * Emoji (pictographs, presentation selectors) and the symbol blocks that only an emoji or symbol
 * font draws: arrows, technical symbols, box drawing, geometric shapes, dingbats, Braille, and so on.
 * U+00D7 (×) and typographic punctuation (— … “ ”) are in Noto Sans and allowed.
 */
const FONT_DEPENDENT = /[\p{Extended_Pictographic}\u{FE0F}\u{20E3}\u{2190}-\u{2BFF}\u{1F000}-\u{1FAFF}]/u;

export function fontDependentChars(text: string): string[] {
  return [...text].filter((ch) => FONT_DEPENDENT.test(ch) && ch !== '©' && ch !== '®' && ch !== '™');
}

describe('no text in the UI needs an emoji font', () => {
  it('the pattern catches what used to be there and lets ordinary text through', () => {
    expect(fontDependentChars('🗑 ⠿ ▾ ✓ ★')).toHaveLength(5);
    expect(fontDependentChars('Delete claim 3 — “quoted” … × Заголовок الميناء 港口')).toEqual([]);
  });

  const sources = [...files(path.join(ROOT, 'renderer', 'src'), /\.(tsx?|css)$/), ...files(path.join(ROOT, 'main', 'export'), /\.ts$/)];
  it.each(sources.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
    const found = fontDependentChars(fs.readFileSync(file, 'utf8'));
    expect(found, `characters that need an emoji or symbol font: ${found.join(' ')}`).toEqual([]);
  });
});
