// Small pieces of wording that the back end, the exports and the renderer print the same way.

/** 52 428 800 -> "50 MB"; 1 536 -> "1.5 KB"; 1 -> "1 byte". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace(/\.0$/, '')} ${units[unit]}`;
}

/** "p. 4" or "pp. 4–5" for a passage of a PDF source; '' when its pages are not known. */
export function pageLabel(pages: { first: number; last: number } | null | undefined): string {
  if (!pages) return '';
  return pages.first === pages.last ? `p. ${pages.first}` : `pp. ${pages.first}–${pages.last}`;
}

/**
 * Text on one line (white space folded) and at most max characters: where it had to be cut it ends
 * in "…", never in a space before it. How labels, undo steps and messages name a claim, passage or
 * source without quoting all of it.
 */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** “Crane maintenance”: a text named in an undo label or a message, clipped, in curly quotes. */
export function quoted(text: string, max = 40): string {
  return `“${clip(text, max)}”`;
}
