// Bytes to text for .txt, .md and .html: a byte order mark wins, then an encoding the analyst chose
// (or the page declared), then strict UTF-8, then a legacy single-byte guess by chardet. Text that is
// UTF-8 with a few broken bytes is read as UTF-8 and the warning says how many were replaced.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { importFailed } from './errors';
import { looksLikeBomlessUtf16 } from './detect';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

/** WHATWG maps these labels to windows-1252, which is what such files really hold. */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  'utf8': 'utf-8',
};

function canonicalEncoding(label: string): string {
  const lower = label.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

function bom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeWith(fileName: string, bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  if (!iconv.encodingExists(encoding)) throw importFailed(fileName, `"${encoding}" is not a text encoding Sourcemark knows (try windows-1251, windows-1252 or utf-8).`);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

const countReplacement = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n += 1;
  return n;
};

/** Counts the non-ASCII characters that decoded cleanly, as evidence the file really is UTF-8. */
function countValidNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd && !(c >= 0xdc00 && c <= 0xdfff)) n += 1;
  }
  return n;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function decodeText(fileName: string, bytes: Uint8Array, options: { chosen?: string; declared?: string } = {}): Decoded {
  const mark = bom(bytes);
  if (mark) {
    const text = decodeWith(fileName, bytes.subarray(mark.length), mark.encoding);
    return withReplacementWarning(text, mark.encoding, bytes, []);
  }
  if (options.chosen) {
    const encoding = canonicalEncoding(options.chosen);
    return withReplacementWarning(decodeWith(fileName, bytes, encoding), encoding, bytes, []);
  }
  const utf16 = looksLikeBomlessUtf16(bytes);
  if (utf16) return { text: decodeWith(fileName, bytes, utf16), encoding: utf16, warnings: [`Read as ${utf16.toUpperCase()} (the file has no byte order mark).`] };

  const declared = options.declared ? canonicalEncoding(options.declared) : null;
  const strict = strictUtf8(bytes);
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16') && iconv.encodingExists(declared)) {
    // Bytes that are valid UTF-8 and not plain ASCII are almost never legacy text (a page re-encoded
    // by its CMS keeps its old <meta charset>); reading them as declared would garble every line.
    if (strict !== null && countValidNonAscii(strict) > 0) {
      return { text: strict, encoding: 'utf-8', warnings: [`The page declares the ${declared} encoding, but its bytes are UTF-8; it was read as UTF-8.`] };
    }
    return withReplacementWarning(decodeWith(fileName, bytes, declared), declared, bytes, []);
  }
  if (strict !== null) return { text: strict, encoding: 'utf-8', warnings: [] };
  // Not valid UTF-8: decide below between "UTF-8 with damage" and "a legacy encoding".
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = countReplacement(lenient);
  const valid = countValidNonAscii(lenient);
  if (declared === 'utf-8' || valid >= replaced) return withReplacementWarning(lenient, 'utf-8', bytes, []);

  const guess = chardet.analyse(bytes).find((m) => !/^utf|^iso-2022|^ucs/i.test(m.name));
  const encoding = guess ? canonicalEncoding(guess.name) : 'windows-1252';
  const text = decodeWith(fileName, bytes, encoding);
  return withReplacementWarning(text, encoding, bytes, [`Read as ${encoding} (detected). If the text looks wrong, delete this source, choose the file’s text encoding next to “Import files…”, and import it again.`]);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function withReplacementWarning(text: string, encoding: string, bytes: Uint8Array, warnings: string[]): Decoded {
  // U+FFFD that was in the file as EF BF BD is the author's, not damage: count only the new ones.
  const original = encoding === 'utf-8' ? countEncodedReplacement(bytes) : 0;
  const replaced = countReplacement(text) - original;
  if (replaced > 0) {
    const what = plural(replaced, `invalid ${encodingLabel(encoding)} sequence was`, `invalid ${encodingLabel(encoding)} sequences were`);
    // Beyond a few, the encoding itself is probably wrong, and the analyst can choose another.
    const advice = replaced > 3 && encoding !== 'utf-8' ? ' If the text looks wrong, delete this source, choose the file’s text encoding next to “Import files…”, and import it again.' : '';
    warnings.push(`${what} replaced with U+FFFD (�).${advice}`);
  }
  return { text, encoding, warnings };
}

const encodingLabel = (e: string) => (e.startsWith('utf') ? e.toUpperCase() : e);

function countEncodedReplacement(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n += 1;
  return n;
}
