// Fonts for the print view, embedded as data: URLs so the PDF looks the same on every machine and
// Russian, Arabic and Chinese render as text where no system font has them. The @fontsource
// packages split each family into unicode-range subsets; only the subsets that cover a character
// of the brief are embedded (a Chinese font is ~100 subsets and 8 MB, a short quote needs a few).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FontFace {
  family: string;
  weight: number;
  /** Absolute path of the woff2 file. */
  file: string;
  unicodeRange: string;
  /** Inclusive code point intervals, sorted. */
  ranges: [number, number][];
}

/** The families of the print view, in fallback order. */
const PRINT_FAMILIES = [
  { pkg: '@fontsource/noto-sans', family: 'Noto Sans' },
  { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic' },
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
] as const;

export const PRINT_FONT_STACK = PRINT_FAMILIES.map((f) => `'${f.family}'`).join(', ') + ', sans-serif';

export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    if (m[1].includes('?')) {
      out.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    } else {
      const lo = parseInt(m[1], 16);
      out.push([lo, m[2] ? parseInt(m[2], 16) : lo]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Reads the @font-face rules of a fontsource stylesheet (e.g. 400.css); only the woff2 source is kept. */
export function parseFontsourceCss(css: string, cssDir: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const style = /font-style:\s*(\w+)/.exec(block)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
    const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (!family || style !== 'normal' || !weight || !file || !unicodeRange) continue;
    faces.push({ family, weight, file: path.resolve(cssDir, file), unicodeRange, ranges: parseUnicodeRange(unicodeRange) });
  }
  return faces;
}

function packageDir(pkg: string): string {
  // __filename exists once bundled to CommonJS for Electron; import.meta.url under Node ESM and tests.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  return path.dirname(createRequire(from).resolve(`${pkg}/package.json`));
}

let catalogue: FontFace[] | null = null;

/** Every regular and bold face of the print families, read once per process. */
export function fontCatalogue(weights: readonly number[] = [400, 700]): FontFace[] {
  if (!catalogue) {
    const faces: FontFace[] = [];
    for (const { pkg } of PRINT_FAMILIES) {
      const dir = packageDir(pkg);
      for (const weight of [400, 700]) {
        faces.push(...parseFontsourceCss(fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8'), dir));
      }
    }
    catalogue = faces;
  }
  return catalogue.filter((f) => weights.includes(f.weight));
}

export function codePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0) ?? 0);
  return set;
}

function covers(face: FontFace, cp: number): boolean {
  for (const [lo, hi] of face.ranges) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

/**
 * The faces needed to draw `regular` text at weight 400 and `bold` text at weight 700. Like the
 * browser's fallback, each character takes the first family that has it: the Arabic family's own
 * Latin subsets are never embedded because Noto Sans draws Latin first.
 */
export function facesFor(regular: string, bold: string, faces: FontFace[] = fontCatalogue()): FontFace[] {
  const chosen = new Set<FontFace>();
  for (const [weight, text] of [[400, regular], [700, bold]] as const) {
    const ofWeight = faces.filter((f) => f.weight === weight);
    for (const cp of codePoints(text)) {
      const face = ofWeight.find((f) => covers(f, cp));
      if (face) chosen.add(face);
    }
  }
  return faces.filter((f) => chosen.has(f));
}

const dataUrlCache = new Map<string, string>();

function dataUrl(file: string): string {
  let url = dataUrlCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrlCache.set(file, url);
  }
  return url;
}

/** @font-face rules with the font files inlined. */
export function fontFaceCss(faces: FontFace[]): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;` +
        `src:url(${dataUrl(f.file)}) format('woff2');unicode-range:${f.unicodeRange};}`,
    )
    .join('\n');
}
