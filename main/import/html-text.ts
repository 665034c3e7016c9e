// Plain text from a DOM subtree, paragraphs kept as paragraphs: block elements start a new paragraph,
// list items and table rows a new line, <br> a line break and two <br>s a paragraph break. The walk
// is iterative, so depth never costs stack. Nothing here renders or runs anything.

/** Blocks that are separated from their neighbours by a blank line. */
const PARAGRAPH = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DETAILS', 'DIV', 'DL', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'UL', 'BODY',
]);
/** Blocks that are separated from their neighbours by a line break only. */
const LINE = new Set(['LI', 'DT', 'DD', 'TR', 'OPTION']);
const CELL = new Set(['TD', 'TH']);
/** Never text the analyst reads. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'AUDIO', 'VIDEO',
  'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'META', 'LINK',
]);

const TRAILING_PUNCTUATION = /^[.,;:!?)\]}»”’…]+$/u;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

class TextBuilder {
  private readonly parts: string[] = [];
  private inline = '';
  /** 0: nothing pending; 1: a line break; 2: a paragraph break. */
  private pendingBreak = 0;

  text(s: string) {
    this.inline += s;
  }

  private flush() {
    const lines = this.inline.split('\n').map((l) => l.replace(/[ \t\r\f\u00a0]+/g, ' ').trim());
    this.inline = '';
    // Two <br>s in a row are how older pages write paragraphs.
    const joined = lines.join('\n').replace(/\n{2,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
    if (!joined) return;
    // Punctuation alone (the full stop after a displayed formula) belongs to the text before it.
    if (this.parts.length && TRAILING_PUNCTUATION.test(joined)) {
      this.parts.push(joined);
      this.pendingBreak = 0;
      return;
    }
    if (this.parts.length) this.parts.push(this.pendingBreak === 2 ? '\n\n' : this.pendingBreak === 1 ? '\n' : ' ');
    this.parts.push(joined);
    this.pendingBreak = 0;
  }

  /** Preformatted text goes in as it is, as its own paragraph. */
  raw(s: string) {
    this.breakAt(2);
    const trimmed = s.replace(/^\n+|\s+$/g, '');
    if (!trimmed) return;
    if (this.parts.length) this.parts.push('\n\n');
    this.parts.push(trimmed);
    this.pendingBreak = 2;
  }

  lineBreak() {
    this.inline += '\n';
  }

  breakAt(level: 1 | 2) {
    this.flush();
    if (level > this.pendingBreak) this.pendingBreak = level;
  }

  finish(): string {
    this.flush();
    return this.parts.join('').replace(/\n{3,}/g, '\n\n');
  }
}

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  lastChild: MinimalNode | null;
  previousSibling: MinimalNode | null;
  getAttribute?(name: string): string | null;
}

/**
 * A node's children, last first, for a depth-first stack. Walked by sibling links: linkedom builds
 * `childNodes` afresh on every read by walking the node's whole subtree, so indexing it in a loop took
 * a 2 MB source-code page from 2 s to a minute.
 */
function pushChildren<T>(node: MinimalNode, stack: T[], wrap: (child: MinimalNode) => T): void {
  for (let child = node.lastChild; child; child = child.previousSibling) stack.push(wrap(child));
}

const attr = (node: MinimalNode, name: string) => node.getAttribute?.(name)?.trim() || null;

/** "{\displaystyle x^{2}}" -> "x^{2}": the wrapper only sets the rendering size. */
export function tidyTex(tex: string): string {
  const t = tex.replace(/\s+/g, ' ').trim();
  const m = /^\{\s*\\(?:display|text|script)style\s*(.*)\}$/s.exec(t);
  return (m ? m[1]! : t).trim();
}

/** Elements below `node`, depth first, stopping early once `found` says so. */
function findElement(node: MinimalNode, found: (n: MinimalNode) => boolean): MinimalNode | null {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === ELEMENT && n !== node && found(n)) return n;
    pushChildren(n, stack, (child) => child);
  }
  return null;
}

/**
 * A formula as text the analyst can quote: its alt text, its TeX annotation, or what it spells out.
 * MathML's rendered text ("x2") loses the structure TeX keeps ("x^{2}").
 */
function mathText(node: MinimalNode): string {
  const alt = attr(node, 'alttext');
  if (alt) return tidyTex(alt);
  const tex = findElement(node, (n) => n.nodeName.toUpperCase() === 'ANNOTATION' && /tex/i.test(attr(n, 'encoding') ?? ''));
  if (tex?.textContent?.trim()) return tidyTex(tex.textContent);
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Images of formulas carry the formula in their alt text (encyclopedias render TeX this way). */
function mathImageText(node: MinimalNode): string | null {
  const alt = attr(node, 'alt');
  if (!alt) return null;
  if (/math|latex|\btex\b/i.test(attr(node, 'class') ?? '') || /^\{?\s*\\(display|text)style/.test(alt)) return tidyTex(alt);
  return null;
}

/**
 * The text of a code block with its lines: text as written, <br> and line-level blocks (highlighters
 * wrap each line in a <div>) as line breaks. textContent alone drops both kinds.
 */
function preformatted(root: MinimalNode): string {
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  const stack: { node: MinimalNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = node.nodeName.toUpperCase();
    const block = PARAGRAPH.has(name) || LINE.has(name);
    if (exit) {
      if (block) newline();
      continue;
    }
    if (name === 'BR') {
      out += '\n';
      continue;
    }
    if (SKIP.has(name)) continue;
    if (block && node !== root) newline();
    stack.push({ node, exit: true });
    pushChildren(node, stack, (child) => ({ node: child, exit: false }));
  }
  return out.replace(/\u00a0/g, ' ');
}

/** Hidden by the page itself: never shown to a reader, so never part of what they quote. */
const isHidden = (node: MinimalNode) => node.getAttribute?.('hidden') != null || /display\s*:\s*none/i.test(node.getAttribute?.('style') ?? '');

const hasLineBreak = (node: MinimalNode) => findElement(node, (n) => n.nodeName.toUpperCase() === 'BR') !== null;

export function textOf(root: MinimalNode): string {
  const out = new TextBuilder();
  const stack: { node: MinimalNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      out.text(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (exit) {
      if (PARAGRAPH.has(name)) out.breakAt(2);
      else if (LINE.has(name)) out.breakAt(1);
      continue;
    }
    if (SKIP.has(name) || isHidden(node)) continue;
    if (name === 'BR') {
      out.lineBreak();
      continue;
    }
    if (name === 'PRE' || (name === 'CODE' && hasLineBreak(node))) {
      out.raw(preformatted(node));
      continue;
    }
    if (name === 'MATH') {
      out.text(mathText(node));
      continue;
    }
    if (PARAGRAPH.has(name)) out.breakAt(2);
    else if (LINE.has(name)) out.breakAt(1);
    else if (CELL.has(name)) out.text(' ');
    else if (name === 'IMG') {
      const formula = mathImageText(node);
      if (formula) out.text(formula);
      continue;
    }
    stack.push({ node, exit: true });
    pushChildren(node, stack, (child) => ({ node: child, exit: false }));
  }
  return out.finish();
}
