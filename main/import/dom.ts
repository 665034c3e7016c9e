// The document Readability reads: parse5 builds it the way a browser does (the WHATWG tree-building
// rules: implied html/head/body, tables, misnested tags, NUL and CR handling), into linkedom's DOM.
//
// Why not jsdom's own: jsdom's DOM spent most of a page's parse on work an import never needs (a
// style object per element, mutation records and live ranges on every text append, selector-engine
// listeners per document). On 317 saved pages this module gives the same title, text, metadata and
// warnings as jsdom's DOMParser, in about a quarter of the time. Why not linkedom's own parser:
// htmlparser2 is not the HTML parser; a page without <body> came out empty and NUL was kept.
//
// Like a parsed document in a browser, nothing here runs a script or fetches anything: linkedom has
// no script engine or network, and the tree is parsed with scripting off (as DOMParser does), so the
// contents of <noscript> are read as markup.
import { parseHTML } from 'linkedom';
import { parse, type DefaultTreeAdapterMap, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';

type LNode = Node;
type LElement = Element;
type LParent = ParentNode & Node;

type LinkedomTypes = TreeAdapterTypeMap<LNode, LParent, LNode, Document, DocumentFragment, LElement, Comment, Text, LElement, LNode>;

const TEXT = 3;
const COMMENT = 8;
const DOCTYPE = 10;
const ELEMENT = 1;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** A tree adapter for one document: what parse5 needs to know of a node is kept beside it, not asked of linkedom. */
function adapter(doc: Document): TreeAdapter<LinkedomTypes> {
  const names = new WeakMap<LNode, { tag: string; ns: string }>();
  const templates = new WeakMap<LElement, DocumentFragment>();
  let mode: DefaultTreeAdapterMap['document']['mode'] = 'no-quirks' as DefaultTreeAdapterMap['document']['mode'];

  const setAttrs = (el: LElement, attrs: Token.Attribute[], onlyMissing: boolean) => {
    for (const { name, value, prefix } of attrs) {
      const qualified = prefix ? `${prefix}:${name}` : name;
      if (onlyMissing && el.hasAttribute(qualified)) continue;
      // A page may carry attribute names no script could set (e.g. `"` or `<`): the parser keeps
      // them and so does this DOM; one it refuses is left out rather than losing the page.
      try {
        el.setAttribute(qualified, value);
      } catch {
        // not representable: dropped
      }
    }
  };

  const text = (value: string) => doc.createTextNode(value);

  return {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),
    createElement(tag, ns, attrs) {
      const el = (ns === HTML_NS ? doc.createElement(tag) : doc.createElementNS(ns, tag)) as LElement;
      names.set(el, { tag, ns });
      setAttrs(el, attrs, false);
      return el;
    },
    createCommentNode: (data) => doc.createComment(data),
    createTextNode: text,
    appendChild: (parent, node) => void parent.appendChild(node),
    insertBefore: (parent, node, reference) => void parent.insertBefore(node, reference),
    // A template's contents stay out of the document, as in a browser: they are not the page's text.
    setTemplateContent: (template, content) => void templates.set(template, content),
    getTemplateContent: (template) => templates.get(template) ?? doc.createDocumentFragment(),
    // The doctype matters only through the quirks mode parse5 derives from it, kept below.
    setDocumentType: () => undefined,
    setDocumentMode: (_doc, m) => {
      mode = m;
    },
    getDocumentMode: () => mode,
    detachNode: (node) => void node.parentNode?.removeChild(node),
    insertText(parent, value) {
      const last = parent.lastChild;
      if (last?.nodeType === TEXT) (last as Text).data += value;
      else parent.appendChild(text(value));
    },
    insertTextBefore(parent, value, reference) {
      const before = reference.previousSibling;
      if (before?.nodeType === TEXT) (before as Text).data += value;
      else parent.insertBefore(text(value), reference);
    },
    adoptAttributes: (el, attrs) => setAttrs(el, attrs, true),
    getFirstChild: (node) => (node.firstChild ?? null) as LNode,
    getChildNodes: (node) => [...node.childNodes],
    getParentNode: (node) => node.parentNode as LParent | null,
    getAttrList: (el) => [...el.attributes].map((a) => ({ name: a.name, value: a.value })),
    getTagName: (el) => names.get(el)?.tag ?? el.localName,
    getNamespaceURI: (el) => (names.get(el)?.ns ?? HTML_NS) as ReturnType<TreeAdapter<LinkedomTypes>['getNamespaceURI']>,
    getTextNodeContent: (node) => node.data,
    getCommentNodeContent: (node) => node.data,
    getDocumentTypeNodeName: () => 'html',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node): node is Text => node.nodeType === TEXT,
    isCommentNode: (node): node is Comment => node.nodeType === COMMENT,
    isDocumentTypeNode: (node): node is LNode => node.nodeType === DOCTYPE,
    isElementNode: (node): node is LElement => node.nodeType === ELEMENT,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
}

/** Parses a page into a new linkedom document. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML('');
  while (document.firstChild) document.removeChild(document.firstChild);
  parse(html, { treeAdapter: adapter(document), scriptingEnabled: false });
  // document.title as the DOM standard has it, which Readability and the page's metadata read:
  // the first HTML <title> anywhere (text before <!doctype> puts it in <body>), whitespace collapsed
  // (a title broken over two lines still splits at " - GNU Project"). linkedom's looks in <head> only
  // and keeps the line breaks.
  Object.defineProperty(document, 'title', {
    get: () => {
      const title = [...document.getElementsByTagName('title')].find((t) => t.namespaceURI === HTML_NS);
      return (title?.textContent ?? '').replace(/[\t\n\f\r ]+/g, ' ').trim();
    },
  });
  return document;
}
