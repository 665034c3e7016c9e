// PDFs through pdf.js (legacy build, which runs in Node without a canvas). Text in reading order
// with paragraph breaks from line gaps; title, author and dates from the document information and
// XMP metadata. Password-protected, damaged or image-only PDFs get a clear error.
import { importFailed } from './errors';
import { formatBytes } from '../vocabulary';
import { paragraphsOf, type TextRun } from './pdf-layout';
import { stripControls, titleFromFileName } from './plain';
import { measureStreams } from './pdf-streams';
import { IMPORT_LIMITS, type ParsedSource, type StepReporter } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js normally parses in a web worker; we are already off the service thread, so it runs inline. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    // A variable specifier: the worker module ships no types, and pdf.js only needs it present.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    g.pdfjsWorker ??= (await import(workerModule)) as unknown;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** "D:20260301143000+01'00'" -> "2026-03-01T14:30:00+01:00"; "D:20260301143000" -> "2026-03-01T14:30:00"; "D:2026" -> "2026-01-01". */
export function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', zone] = m;
  if (!h) return `${y}-${mo}-${d}`;
  // Without a zone the time is the author's wall clock: kept as written, never read as UTC.
  let tz = zone === 'Z' ? 'Z' : '';
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2})'?(\d{2})?/.exec(zone);
    tz = z ? `${z[1]}${z[2]}:${z[3] ?? '00'}` : '';
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null);

/**
 * The body (paragraphs separated by a blank line) and where each page's text starts in it. A page
 * with no text starts where the next page's text does, so a passage is never placed on it.
 */
export function joinPages(pageParagraphs: string[][]): { body: string; pageStarts: number[] } {
  let body = '';
  let waiting = 0; // pages seen since the last page with text, this one included
  const pageStarts: number[] = [];
  for (const paragraphs of pageParagraphs) {
    const kept = paragraphs.map(stripControls).filter((p) => p.trim());
    waiting += 1;
    if (kept.length === 0) continue;
    if (body) body += '\n\n';
    for (; waiting > 0; waiting--) pageStarts.push(body.length);
    body += kept.join('\n\n');
  }
  // Trailing pages without text start at the end of the body.
  for (; waiting > 0; waiting--) pageStarts.push(body.length);
  return { body, pageStarts };
}

export async function parsePdf(fileName: string, bytes: Uint8Array, step: StepReporter = () => undefined): Promise<ParsedSource> {
  step('measuring its compressed streams');
  const limit = IMPORT_LIMITS.maxPdfInflatedBytes;
  const streams = await measureStreams(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limit);
  if (streams.exceeded) {
    throw importFailed(fileName, `it expands to more than ${formatBytes(limit)} when decompressed, the limit for one PDF. A PDF that holds this much is damaged or made to exhaust memory; if it is genuine, split it into smaller PDFs.`);
  }
  step('loading the PDF reader');
  const lib = await loadPdfJs();
  step('opening the PDF');
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') {
      throw importFailed(fileName, 'the PDF is protected by a password. Open it in a PDF reader, save a copy without the password, and import that.');
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw importFailed(fileName, `the PDF is damaged or incomplete and cannot be read (${detail}).`);
  }
  try {
    const warnings: string[] = [];
    const pageParagraphs: string[][] = [];
    const unreadable: number[] = [];
    const pages = doc.numPages;
    if (pages > IMPORT_LIMITS.maxPdfPages) {
      throw importFailed(fileName, `it has ${pages.toLocaleString('en')} pages; the limit for one PDF is ${IMPORT_LIMITS.maxPdfPages.toLocaleString('en')}. Split it into parts and import those.`);
    }
    for (let n = 1; n <= pages; n++) {
      step(`reading page ${n} of ${doc.numPages}`);
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pageParagraphs.push(paragraphsOf(content.items.filter((i) => 'str' in i) as TextRun[]));
        page.cleanup();
      } catch {
        pageParagraphs.push([]);
        unreadable.push(n);
      }
    }
    if (unreadable.length === doc.numPages) throw importFailed(fileName, 'none of the PDF’s pages could be read; the file is damaged.');
    if (unreadable.length) warnings.push(`${unreadable.length === 1 ? 'Page' : 'Pages'} ${unreadable.join(', ')} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} missing from the text.`);
    const { body, pageStarts } = joinPages(pageParagraphs);
    if (!body.trim()) {
      throw importFailed(fileName, 'the PDF has no text to import (it may be scanned images); run it through OCR first.');
    }
    step('reading the document information');
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const fields = info as Record<string, unknown>;
    const xmp = (key: string) => text(metadata?.get(key));
    const firstLine = body.split('\n', 1)[0] ?? '';
    return {
      title: text(fields.Title) ?? xmp('dc:title') ?? (firstLine.length <= 200 ? firstLine : titleFromFileName(fileName)),
      body,
      pageStarts,
      format: 'pdf',
      metadata: {
        outlet: null,
        author: text(fields.Author) ?? xmp('dc:creator'),
        url: null,
        publishedAt: pdfDate(fields.CreationDate) ?? xmp('xmp:createdate') ?? pdfDate(fields.ModDate),
        language: text(fields.Language) ?? xmp('dc:language'),
      },
      warnings,
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
