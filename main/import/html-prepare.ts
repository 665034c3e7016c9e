// A linear pass over saved HTML before the DOM parser sees it. Readability recurses per nesting
// level, so a page nested 20,000 levels deep overflows the stack (and takes ~30 s to do it):
// tags deeper than maxDepth are dropped here, keeping their text. Scripts and styles are removed at
// the same time: they are never run or shown, and parsing their contents is wasted work. JSON-LD
// blocks stay, because they carry the page's metadata; TeX in MathJax script blocks becomes text,
// because it is the formula the reader saw. Comments go too: React leaves empty ones between text
// nodes, and the DOM keeps them as nodes that split a sentence into paragraphs.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
/** Elements whose contents are raw text: no tags inside, so the scanner jumps to the end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** A start tag of one of these closes an open <p>, as the HTML parser does. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
/** Elements that close an open sibling of the same kind. */
const SELF_CLOSING_SIBLINGS: Record<string, string[]> = { li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], option: ['option'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'] };
const BLOCK = new Set([...CLOSES_P, 'li', 'dt', 'dd', 'tr', 'td', 'th', 'section', 'center', 'br']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>/g;

interface Open {
  name: string;
  kept: boolean;
}

export interface Prepared {
  html: string;
  /** How many tags were dropped for being nested too deep. */
  flattened: number;
  /** The deepest nesting seen (before flattening). */
  depth: number;
  /** Start tags kept: the number of elements the DOM will have, near enough. */
  elements: number;
}

export function prepareHtml(html: string, maxDepth: number): Prepared {
  const out: string[] = [];
  let copiedUpTo = 0;
  let flattened = 0;
  let lastDropEnd = -1;
  let breakPending = false;
  const stack: Open[] = [];
  let depth = 0;
  let elements = 0;

  const replace = (start: number, end: number, replacement: string) => {
    out.push(html.slice(copiedUpTo, start), replacement);
    copiedUpTo = end;
  };
  /** Dropped block tags become one <br> per run, so paragraphs stay apart without a flood of breaks. */
  const dropTag = (start: number, end: number, name: string) => {
    flattened += 1;
    const adjacent = lastDropEnd >= 0 && isBlank(html, lastDropEnd, start);
    const wantsBreak = BLOCK.has(name) && !(adjacent && breakPending);
    replace(start, end, wantsBreak ? '<br>' : '');
    breakPending = wantsBreak || (adjacent && breakPending);
    lastDropEnd = end;
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    if (!name) {
      // Comments, processing instructions and bogus "<![...]>" markup; the doctype stays.
      if (!/^<!doctype/i.test(m[0])) replace(start, end, '');
      continue;
    }
    if (m[1]) {
      // An end tag closes the nearest open element of that name, and anything left open inside it.
      let i = stack.length - 1;
      const floor = Math.max(0, stack.length - 64);
      while (i >= floor && stack[i]?.name !== name) i -= 1;
      if (i >= floor) {
        const kept = stack[i]?.kept ?? true;
        stack.length = i;
        if (!kept) dropTag(start, end, name);
      } else if (stack.length >= maxDepth) {
        dropTag(start, end, name);
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = end;
      const closing = close.exec(html);
      const after = closing ? closing.index + closing[0].length : html.length;
      const type = name === 'script' ? /type\s*=\s*["']?([^"'\s>;]+)\s*(;\s*mode\s*=\s*display)?/i.exec(m[3] ?? '') : null;
      const isData = type?.[1]?.toLowerCase() === 'application/ld+json';
      if (type?.[1]?.toLowerCase() === 'math/tex') {
        // The TeX is the formula as written: kept as text, inline or displayed as the page had it.
        const tex = html.slice(end, closing ? closing.index : html.length).replace(/</g, '&lt;');
        replace(start, after, type[2] ? `<div>${tex}</div>` : `<span>${tex}</span>`);
      } else if ((name === 'script' && !isData) || name === 'style') replace(start, after, '');
      TOKEN.lastIndex = after;
      continue;
    }
    if (VOID.has(name) || (m[3] ?? '').endsWith('/')) {
      elements += 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && ((top.name === 'p' && CLOSES_P.has(name)) || SELF_CLOSING_SIBLINGS[name]?.includes(top.name))) stack.pop();
    const kept = stack.length < maxDepth;
    if (kept) elements += 1;
    stack.push({ name, kept });
    if (stack.length > depth) depth = stack.length;
    if (!kept) dropTag(start, end, name);
  }
  if (copiedUpTo === 0) return { html, flattened, depth, elements };
  out.push(html.slice(copiedUpTo));
  return { html: out.join(''), flattened, depth, elements };
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}
