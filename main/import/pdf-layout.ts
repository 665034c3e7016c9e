// Text runs of a PDF page into lines and paragraphs. pdf.js gives positioned runs in content-stream
// order (reading order for the PDFs Chromium and word processors write); lines are runs on one
// baseline, and a paragraph ends where the gap to the next line is clearly wider than the usual line
// spacing, where the font size changes (a heading), or where text jumps up (a new column).

export interface TextRun {
  str: string;
  /** [a, b, c, d, e, f]: e and f are the position, the scale gives the font size. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
  right: number;
}

const CJK = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

function linesOf(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const run of runs) {
    const [, , c = 0, d = 0, x = 0, y = 0] = run.transform;
    const size = Math.hypot(c, d) || run.height || 1;
    if (run.str !== '') {
      if (line && Math.abs(line.y - y) > Math.max(size, line.size) * 0.5) line = null;
      if (!line) {
        line = { text: '', y, size, right: x };
        lines.push(line);
      } else if (x - line.right > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(run.str)) {
        line.text += ' ';
      }
      line.text += run.str;
      line.right = x + run.width;
      line.size = Math.max(line.size, size);
    }
    if (run.hasEOL) line = null;
  }
  return lines.filter((l) => l.text.trim() !== '');
}

/** The lower quartile: line spacing inside paragraphs is the common, small gap; paragraph gaps are the rarer, larger ones. */
function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)] ?? 0;
}

function joinLines(a: string, b: string): string {
  const left = a.replace(/\s+$/, '');
  const right = b.replace(/^\s+/, '');
  // A hyphen at the end of a line is kept and the word rejoined: removing it would change the text.
  if (/\p{L}-$/u.test(left)) return left + right;
  if (CJK.test(left.slice(-1)) && CJK.test(right.charAt(0))) return left + right;
  return `${left} ${right}`;
}

/** One page's paragraphs. */
export function paragraphsOf(runs: TextRun[]): string[] {
  const lines = linesOf(runs);
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    const gap = prev.y - cur.y;
    if (gap > 0 && Math.abs(prev.size - cur.size) < 0.5) gaps.push(gap / cur.size);
  }
  // The page's usual line spacing, as a multiple of the font size; 1.2 when there is too little to tell.
  const usual = gaps.length >= 3 ? lowerQuartile(gaps) : 1.2;
  const paragraphs: string[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i]!;
    const prev = lines[i - 1];
    let breaks = !prev;
    if (prev) {
      const gap = prev.y - cur.y;
      const sizeChanged = Math.abs(prev.size - cur.size) > Math.max(prev.size, cur.size) * 0.12;
      breaks = gap <= 0 || sizeChanged || gap > Math.max(prev.size, cur.size) * Math.max(usual * 1.3, 1.45);
    }
    const text = cur.text.replace(/\s+/g, ' ').trim();
    if (breaks) {
      if (current) paragraphs.push(current);
      current = text;
    } else {
      current = joinLines(current, text);
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
