// The ZIP side of a Word file: opened with JSZip (what mammoth reads it with), refused when damaged,
// not a Word document, or holding more text parts than memory should take (a decompression bomb).
// Sizes are counted while inflating, in chunks, so a header that lies about them changes nothing.
import JSZip from 'jszip';
import { importFailed } from './errors';
import { formatBytes } from '../vocabulary';

/** Parts mammoth never decodes when images are skipped: pictures, fonts, embedded objects. */
const BINARY_PART = /^(word\/(media|embeddings|fonts)\/|docProps\/thumbnail)/i;

export async function openDocxZip(fileName: string, bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw importFailed(fileName, `the Word document is damaged and cannot be opened (its ZIP archive is unreadable: ${detail}).`);
  }
}

/** JSZip's own chunked reader (untyped in its declarations): it inflates on demand and can be stopped. */
interface InternalStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): InternalStream;
  on(event: 'error', f: (err: unknown) => void): InternalStream;
  on(event: 'end', f: () => void): InternalStream;
  pause(): void;
  resume(): void;
}

/** Inflates one part, counting; stops as soon as `room` is passed. */
function inflatedSize(file: JSZip.JSZipObject, room: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): InternalStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        count += chunk.length;
        if (count > room) {
          done = true;
          stream.pause();
          resolve(count);
        }
      })
      .on('error', (err) => {
        if (!done) reject(err instanceof Error ? err : new Error(String(err)));
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(count);
        done = true;
      });
    stream.resume();
  });
}

/** Checks the archive is a Word document whose text parts stay under `limit` bytes in all. */
export async function checkDocxZip(fileName: string, zip: JSZip, limit: number): Promise<void> {
  if (!zip.file('word/document.xml')) {
    throw importFailed(fileName, 'this ZIP archive is not a Word document (it has no word/document.xml); it may be another kind of file named .docx.');
  }
  let total = 0;
  const parts = Object.values(zip.files).filter((f) => !f.dir && !BINARY_PART.test(f.name));
  for (const part of parts) {
    try {
      total += await inflatedSize(part, limit - total);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw importFailed(fileName, `the Word document is damaged: its part ${part.name} cannot be decompressed (${detail}).`);
    }
    if (total > limit) {
      throw importFailed(fileName, `it expands to more than ${formatBytes(limit)} when decompressed, the limit for one Word document. A document that holds this much is damaged or made to exhaust memory; if it is genuine, split it into smaller documents.`);
    }
  }
}

/** A part's text, or null when the archive does not have it. */
export async function partText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}
