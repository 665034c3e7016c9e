// Getting files out of the browser: base64 in chunks, yielding between them so a large file never
// freezes the page, and the files of a drop, folders included.

/** Mirrors the back end's per-file limit (IMPORT_LIMITS.maxFileBytes), which checks again: refusing here saves reading and sending the bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf';
export const ACCEPTED_EXTENSIONS = ACCEPTED.split(',').map((e) => e.slice(1));

export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  return `${String(Math.round(value * 10) / 10).replace(/\.0$/, '')} ${units[unit]}`;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Bytes per chunk: a multiple of 3, so chunk encodings join without padding in the middle. */
const CHUNK = 3 * 16 * 1024;

type WithToBase64 = Uint8Array & { toBase64?: () => string };

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  let sinceYield = 0;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, i + CHUNK) as WithToBase64;
    if (typeof chunk.toBase64 === 'function') {
      parts.push(chunk.toBase64());
    } else {
      let binary = '';
      for (let j = 0; j < chunk.length; j += 4096) binary += String.fromCharCode(...chunk.subarray(j, j + 4096));
      parts.push(btoa(binary));
    }
    sinceYield += CHUNK;
    // About every 2 MB, let the page paint and handle input.
    if (sinceYield >= 2 * 1024 * 1024) {
      sinceYield = 0;
      await nextTask();
    }
  }
  return parts.join('');
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
