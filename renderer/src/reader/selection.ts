// Turns the browser's selection into body offsets. Every drawn run of text carries data-start, its
// offset in the body, so a DOM point (node, offset) maps to body offset without reading text back.

function startOf(el: Element | null): number | null {
  const v = el?.getAttribute('data-start');
  return v == null ? null : Number(v);
}

function endOf(el: Element): number | null {
  const v = el.getAttribute('data-end');
  if (v != null) return Number(v);
  const s = startOf(el);
  return s == null ? null : s + (el.textContent ?? '').length;
}

/** Body offset of a DOM point inside the reader's text, or null when it is outside it. */
export function bodyOffset(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const owner = node.parentElement?.closest('[data-start]');
    const s = startOf(owner ?? null);
    return s == null ? null : s + offset;
  }
  const el = node as Element;
  const children = el.childNodes;
  if (offset < children.length) {
    const child = children[offset] as Node;
    const target = child.nodeType === Node.ELEMENT_NODE ? (child as Element) : child.parentElement;
    const run = target?.matches('[data-start]') ? target : target?.querySelector('[data-start]');
    return startOf(run ?? null);
  }
  // After the last child: the end of this element's text.
  const own = el.closest('[data-start]');
  if (own) return endOf(own);
  const runs = el.querySelectorAll('[data-start]');
  const last = runs[runs.length - 1];
  return last ? endOf(last) : null;
}

export function selectionOffsets(root: Element): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const start = bodyOffset(root, range.startContainer, range.startOffset);
  const end = bodyOffset(root, range.endContainer, range.endOffset);
  if (start == null || end == null || end <= start) return null;
  return { start, end };
}
