// Word documents (.docx) through mammoth: its HTML (headings, paragraphs, lists, tables, footnotes)
// is read back into plain text by the same walk as web pages, with table cells joined on one line per
// row and footnotes appended as "[n] text". Title, author, date and language come from
// docProps/core.xml, which mammoth does not read.
import mammoth from 'mammoth';
import { DOMParser } from '@xmldom/xmldom';
import { checkDocxZip, openDocxZip, partText } from './docx-zip';
import { importFailed } from './errors';
import { parseDocument } from './dom';
import { textOf } from './html-text';
import { stripControls, titleFromFileName } from './plain';
import { IMPORT_LIMITS, type ParsedSource, type StepReporter } from './types';

const elements = (doc: Document, name: string) => Array.from(doc.getElementsByTagName(name));

/** A cell's paragraphs become lines inside the cell, so a row reads as one line of cells. */
function flattenCells(doc: Document) {
  for (const cell of [...elements(doc, 'td'), ...elements(doc, 'th')]) {
    for (const p of Array.from(cell.childNodes).filter((c) => c.nodeName === 'P')) {
      const before = p.parentNode === cell && Array.from(cell.childNodes).indexOf(p) > 0;
      if (before) cell.insertBefore(doc.createElement('br'), p);
      while (p.firstChild) cell.insertBefore(p.firstChild, p);
      cell.removeChild(p);
    }
  }
}

/** Footnote and endnote bodies start with their number; the "↑" links back into the text go. */
function markNotes(doc: Document) {
  for (const a of elements(doc, 'a')) {
    const href = a.getAttribute('href') ?? '';
    if (/^#(footnote|endnote)-ref-/.test(href)) a.parentNode?.removeChild(a);
  }
  for (const li of elements(doc, 'li')) {
    const m = /^(footnote|endnote)-(\d+)$/.exec(li.getAttribute('id') ?? '');
    if (!m) continue;
    const target = Array.from(li.childNodes).find((c) => c.nodeName === 'P') ?? li;
    target.insertBefore(doc.createTextNode(`[${m[2]}] `), target.firstChild);
  }
}

const clean = (v: string | null | undefined) => (v && v.trim() ? v.replace(/\s+/g, ' ').trim() : null);

function coreProperties(xml: string | null) {
  if (!xml) return { title: null, author: null, created: null, language: null };
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  // Prefixes vary by producer; the local names do not.
  const field = (local: string) => {
    const hit = Array.from(doc.getElementsByTagName('*')).find((n) => n.nodeName.split(':').pop() === local);
    return clean(hit?.textContent);
  };
  return { title: field('title'), author: field('creator'), created: field('created'), language: field('language') };
}

export async function parseDocx(fileName: string, bytes: Uint8Array, step: StepReporter = () => undefined): Promise<ParsedSource> {
  step('opening the Word document');
  const zip = await openDocxZip(fileName, bytes);
  step('measuring its compressed parts');
  await checkDocxZip(fileName, zip, IMPORT_LIMITS.maxDocxInflatedBytes);
  step('reading the document’s text');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures are never decoded: their bytes are not text, and a data URI per image would cost memory.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw importFailed(fileName, `the Word document is damaged and its text cannot be read (${detail}).`);
  }
  // Parsed as HTML by the same inert parser as saved web pages, and read back by the same text walk.
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  flattenCells(doc);
  markNotes(doc);
  const body = textOf(doc.body)
    .split('\n\n')
    .map(stripControls)
    .filter((p) => p.trim())
    .join('\n\n');
  if (!body.trim()) throw importFailed(fileName, 'the Word document has no text, only white space (it may hold only pictures).');
  step('reading the document properties');
  const core = coreProperties(await partText(zip, 'docProps/core.xml').catch(() => null));
  const firstLine = body.split('\n', 1)[0] ?? '';
  return {
    title: core.title ?? (firstLine.length <= 200 ? firstLine : titleFromFileName(fileName)),
    body,
    format: 'docx',
    metadata: { outlet: null, author: core.author, url: null, publishedAt: core.created, language: core.language },
    warnings: [],
  };
}
