// Getting files out of the browser: base64 from a stream, yielding now and then so a large file never
// freezes the page, and the files of a drop, folders included.
import { IMPORTABLE_EXTENSIONS } from '../../../main/vocabulary';

/** The file input's accept list: ".txt,.text,.md,…". */
export const ACCEPTED = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(',');

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type WithToBase64 = Uint8Array & { toBase64?: () => string };

/** Base64 of bytes whose count is a multiple of 3 (or the last bytes of a file), so encodings join without padding in the middle. */
function encode(bytes: Uint8Array): string {
  const withTo = bytes as WithToBase64;
  if (typeof withTo.toBase64 === 'function') return withTo.toBase64();
  let binary = '';
  for (let j = 0; j < bytes.length; j += 4096) binary += String.fromCharCode(...bytes.subarray(j, j + 4096));
  return btoa(binary);
}

/**
 * A file's bytes as base64, read as a stream and refused past `limit` bytes without reading further.
 * Streaming, not File.size: the size of a picked file is a synchronous call to the browser process the
 * first time it is asked (a millisecond each on an idle machine, tens on a busy one), and a batch of
 * hundreds of files asked it of every one while progress was being drawn.
 * Returns null when the file is over the limit.
 */
export async function readBase64(file: { stream(): ReadableStream<Uint8Array> }, limit: number): Promise<{ base64: string; bytes: number } | null> {
  const reader = file.stream().getReader();
  const parts: string[] = [];
  let carry = new Uint8Array(0);
  let bytes = 0;
  let sinceYield = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (bytes > limit) {
        await reader.cancel();
        return null;
      }
      let chunk: Uint8Array = value;
      if (carry.length > 0) {
        chunk = new Uint8Array(carry.length + value.length);
        chunk.set(carry);
        chunk.set(value, carry.length);
      }
      const whole = chunk.length - (chunk.length % 3);
      parts.push(encode(chunk.subarray(0, whole)));
      carry = chunk.slice(whole);
      sinceYield += value.length;
      // About every 2 MB, let the page paint and handle input.
      if (sinceYield >= 2 * 1024 * 1024) {
        sinceYield = 0;
        await nextTask();
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (carry.length > 0) parts.push(encode(carry));
  return { base64: parts.join(''), bytes };
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

async function filesOfEntry(entry: Entry, out: File[], limit: number): Promise<void> {
  if (out.length >= limit || entry.name.startsWith('.')) return;
  if (entry.isFile && entry.file) {
    out.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  const reader = entry.createReader();
  // readEntries hands out a folder's entries in batches until it returns none.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    batch.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of batch) await filesOfEntry(child, out, limit);
  }
}

/** The files of a drop, with dropped folders opened (hidden files skipped), up to `limit`. */
export async function filesOfDrop(data: DataTransfer, limit = 1000): Promise<File[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (item.webkitGetAsEntry?.() as Entry | null | undefined) ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return [...data.files].slice(0, limit);
  const out: File[] = [];
  try {
    for (const entry of entries) await filesOfEntry(entry!, out, limit);
  } catch {
    return [...data.files].slice(0, limit);
  }
  return out;
}

export const hasFiles = (data: DataTransfer | null) => !!data && [...data.types].includes('Files');
