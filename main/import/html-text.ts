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
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'AUDIO', 'VIDEO',
  'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'META', 'LINK',
]);

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
  childNodes: ArrayLike<MinimalNode>;
}

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
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      out.lineBreak();
      continue;
    }
    if (name === 'PRE') {
      out.raw(node.textContent ?? '');
      continue;
    }
    if (PARAGRAPH.has(name)) out.breakAt(2);
    else if (LINE.has(name)) out.breakAt(1);
    else if (CELL.has(name)) out.text(' ');
    else if (name === 'IMG') continue;
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, exit: false });
    }
  }
  return out.finish();
}
