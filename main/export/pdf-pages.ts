// How many pages a PDF has. Chromium (Skia) writes every page object uncompressed, so counting
// "/Type /Page" objects is exact and instant even for hundreds of pages; a PDF that hides its
// objects in compressed object streams is handed to pdf.js instead.
import { AppError } from '../../db/errors';

export function countPagesBySyntax(bytes: Uint8Array): number | null {
  // Buffer's latin1 is a plain byte copy: ~40x faster than TextDecoder (which decodes windows-1252).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return null;
  if (/\/Type\s*\/ObjStm\b/.test(text)) return null;
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  // The root of the page tree states the total: the largest /Count of any /Pages node.
  let declared = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    declared = Math.max(declared, Number(m[1] ?? m[2]));
  }
  if (pages > 0 && declared === pages) return pages;
  return null;
}

export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  const quick = countPagesBySyntax(bytes);
  if (quick !== null) return quick;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  } catch (err) {
    throw new AppError('EXPORT_FAILED', `Chromium did not produce a readable PDF (${(err as Error).message}); nothing was saved.`);
  }
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
