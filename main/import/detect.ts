// Decides how to read a file from its name and its first bytes, and refuses what cannot be a source:
// too large, empty, an unsupported extension, or binary content behind a text extension.
import type { SourceFormat } from '../../db/model';
import { importFailed } from './errors';
import { IMPORT_LIMITS } from './types';
import { formatBytes, IMPORT_EXTENSIONS, IMPORT_EXTENSIONS_WORDS } from '../vocabulary';

/** Signatures of common binary files, so the error can say what the file really is. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (such as .docx, .xlsx or .epub)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function formatOf(fileName: string): SourceFormat {
  const ext = extensionOf(fileName);
  const format = IMPORT_EXTENSIONS[ext];
  if (!format) {
    const what = ext ? `.${ext} files cannot be imported` : 'a file without an extension cannot be imported';
    throw importFailed(fileName, `${what}; Sourcemark imports ${IMPORT_EXTENSIONS_WORDS} files.`);
  }
  return format;
}

/** The size check, done before any bytes are read when the size is known (paths, base64 length). */
export function checkSize(fileName: string, size: number): void {
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw importFailed(fileName, `the file is ${formatBytes(size)}; the limit is ${formatBytes(IMPORT_LIMITS.maxFileBytes)}.`);
  }
  if (size === 0) throw importFailed(fileName, 'the file is empty (0 bytes).');
}

/** True when the bytes look like UTF-16 without a byte order mark: NULs in every other byte of ASCII text. */
export function looksLikeBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** Checks size, extension and content agree; returns the format to parse as. */
export function sniff(fileName: string, bytes: Uint8Array): SourceFormat {
  checkSize(fileName, bytes.length);
  const format = formatOf(fileName);
  if (format === 'pdf') {
    // The header may follow a little junk (some producers prepend bytes); the spec allows 1 KB.
    const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    if (!head.includes('%PDF-')) {
      const real = MAGIC.find((m) => startsWith(bytes, m.bytes));
      throw importFailed(fileName, real ? `this is ${real.what}, not a PDF.` : 'this is not a PDF (it does not start with %PDF-); the file may be damaged or misnamed.');
    }
    return format;
  }
  if (format === 'docx') return sniffDocx(fileName, bytes);
  const real = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (real) {
    const hint = real.what === 'a PDF' ? ' Rename it to end in .pdf and import it again.' : '';
    throw importFailed(fileName, `this is ${real.what}, not a ${format === 'html' ? 'web page' : 'text file'}.${hint}`);
  }
  if (!hasUtf16Bom(bytes) && !looksLikeBomlessUtf16(bytes)) {
    const probe = bytes.subarray(0, 65_536);
    if (probe.includes(0)) throw importFailed(fileName, 'the file contains binary data (NUL bytes), not text.');
  }
  return format;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name Office gives an encrypted document inside its OLE container, as UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** A .docx is a ZIP; Word saves a password-protected one as an OLE container with an EncryptionInfo stream. */
function sniffDocx(fileName: string, bytes: Uint8Array): SourceFormat {
  if (startsWith(bytes, ZIP)) return 'docx';
  if (startsWith(bytes, OLE)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
      throw importFailed(fileName, 'the Word document is protected by a password. Open it in Word, remove the password (File › Info › Protect Document), save a copy and import that.');
    }
    throw importFailed(fileName, 'this is an old Word document (.doc) named .docx. Open it in Word and save it as .docx, then import that.');
  }
  const real = MAGIC.find((m) => startsWith(bytes, m.bytes));
  throw importFailed(fileName, real ? `this is ${real.what}, not a Word document.` : 'this is not a Word document (it is not a ZIP archive); the file may be damaged or misnamed.');
}
