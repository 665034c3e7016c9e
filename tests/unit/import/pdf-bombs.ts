// Decompression bombs for the import tests, built by hand in milliseconds: a zlib stream of one zero
// byte followed by back-references (length 258, distance 1) in a fixed-Huffman block, 13 bits per
// 258 zero bytes, so a few megabytes inflate to a gibibyte. pdf.js reads NUL bytes in a content
// stream as white space, so the page parses and its stream is decoded in full.
import zlib from 'node:zlib';

class BitWriter {
  private readonly out: Buffer;
  private pos = 0;
  private acc = 0;
  private bits = 0;
  constructor(size: number) {
    this.out = Buffer.alloc(size);
  }
  /** Bits LSB first, as deflate packs them. */
  write(value: number, count: number) {
    this.acc |= value << this.bits;
    this.bits += count;
    while (this.bits >= 8) {
      this.out[this.pos++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.bits -= 8;
    }
  }
  /** A Huffman code, most significant bit first. */
  code(value: number, length: number) {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((value >> i) & 1) << (length - 1 - i);
    this.write(reversed, length);
  }
  finish(): Buffer {
    if (this.bits > 0) this.out[this.pos++] = this.acc & 0xff;
    return this.out.subarray(0, this.pos);
  }
}

/** A zlib stream that inflates to at least `bytes` zero bytes. */
export function zeroBomb(bytes: number): Buffer {
  const matches = Math.ceil((bytes - 1) / 258);
  const w = new BitWriter(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 8);
  w.write(0x78, 8); // zlib header: deflate, 32K window
  w.write(0x01, 8);
  w.write(1, 1); // final block
  w.write(1, 2); // fixed Huffman codes
  w.code(0x30, 8); // literal 0
  for (let i = 0; i < matches; i++) {
    w.code(0xc5, 8); // length symbol 285: 258 bytes
    w.code(0, 5); // distance symbol 0: 1 byte back
  }
  w.code(0, 7); // end of block
  const body = w.finish();
  const n = 1 + matches * 258;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([body, adler]);
}

/** A one-page PDF whose content stream is `stream`, written with `filters`. */
export function pdfWithContent(stream: Buffer, filters: string[], options: { pages?: number } = {}): Buffer {
  const pages = options.pages ?? 1;
  // Page 1 is object 3; further pages (all showing the same content) follow the font, from object 6.
  const pageRefs = ['3 0 R', ...Array.from({ length: pages - 1 }, (_, i) => `${6 + i} 0 R`)];
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    size += buf.length;
  };
  const object = (n: number, ...body: (string | Buffer)[]) => {
    offsets[n] = size;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages} >>`);
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
  object(3, page);
  const filter = filters.length ? ` /Filter [${filters.map((f) => `/${f}`).join(' ')}]` : '';
  object(4, `<< /Length ${stream.length}${filter} >>\nstream\n`, stream, '\nendstream');
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let n = 6; n < 5 + pages; n++) object(n, page);
  const count = 5 + pages;
  const xref = size;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** A PDF whose one page's content stream inflates to `mib` MiB of zeros. */
export function bombPdf(mib: number, layers: 1 | 2 = 1): Buffer {
  const once = zeroBomb(mib * 1024 * 1024);
  if (layers === 1) return pdfWithContent(once, ['FlateDecode']);
  return pdfWithContent(zlib.deflateSync(once, { level: 9 }), ['FlateDecode', 'FlateDecode']);
}

/** A small, legitimate one-page PDF with a line of text, compressed as usual. */
export function textPdf(text: string, pages?: number): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  return pdfWithContent(zlib.deflateSync(Buffer.from(content, 'latin1')), ['FlateDecode'], { pages });
}

/** LZW (as PDF writes it, early change 1) for `bytes` zero bytes: each code one byte longer than the last, then the longest again and again. */
export function lzwZeroBomb(bytes: number): Buffer {
  // LZW packs codes most significant bit first, unlike deflate.
  const out = Buffer.alloc(Math.ceil(bytes / 3839) * 2 + 8192);
  let pos = 0;
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out[pos++] = (acc >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  let next = 258;
  const width = (n: number) => (n + 1 >= 2048 ? 12 : n + 1 >= 1024 ? 11 : n + 1 >= 512 ? 10 : 9);
  // The reader adds its entry one code later than the writer, so the writer sizes codes by next - 1.
  const emit = (code: number) => {
    put(code, width(next - 1));
    if (next < 4096) next += 1;
  };
  put(256, 9); // clear
  let left = bytes;
  for (let k = 1; left > 0; k = Math.min(k + 1, 3839)) {
    const n = Math.min(k, left);
    // Entry of length n: code 0 for one zero, 256 + n for a run of n (until the table is full).
    emit(n === 1 ? 0 : 256 + n);
    left -= n;
  }
  put(257, width(next - 1)); // end of data
  if (bits > 0) put(0, 8 - bits);
  return out.subarray(0, pos);
}

/** RunLength pairs (repeat the next byte 128 times) for `bytes` zero bytes, then Flate on top. */
export function runLengthBomb(bytes: number): Buffer {
  const pairs = Buffer.alloc(Math.ceil(bytes / 128) * 2);
  for (let i = 0; i < pairs.length; i += 2) pairs[i] = 129;
  return zlib.deflateSync(pairs, { level: 9 });
}
