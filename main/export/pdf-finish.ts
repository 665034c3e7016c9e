// What Chromium cannot write into the PDF, added afterwards as an incremental update (PDF 32000 §7.5.6):
// the document information naming Sourcemark and its version (Chromium writes its own user agent),
// and the verified passages as an attached file. Appending objects leaves Chromium's bytes as they
// are: pdf-lib builds and serialises the new objects, and only the catalog is read back. Loading and
// saving the whole document with pdf-lib instead costs ~2 s per 170 pages.
//
// Why the attachment: Chromium draws Arabic and Hebrew with the right glyphs, but its PDF records
// neither the logical order of right-to-left runs nor ActualText, so text extraction (pdftotext, copy
// and paste) rebuilds it from glyph positions, splitting Arabic words where marks and joining forms
// shift glyphs and moving punctuation across numbers. Turning off the fonts' joining, mark and
// ligature features gives whole words back but draws Arabic wrongly (lam-alef is mandatory), and
// neither bdi/bdo nor unicode-bidi change what is recorded. So the exact text travels as a file.
import { PDFContext, PDFDict, PDFHexString, PDFName, PDFObjectParser, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { AppError } from '../../db/errors';

export interface PdfAttachment {
  name: string;
  mimeType: string;
  description: string;
  data: Uint8Array;
}

export interface PdfFinish {
  title: string;
  author: string;
  subject: string;
  /** "Sourcemark 0.1.0": Creator and Producer. */
  creator: string;
  /** ISO timestamp of the export. */
  date: string;
  attachments: PdfAttachment[];
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function pdfDate(iso: string): PDFString {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return PDFString.of(`D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`);
}

function unsupported(why: string): never {
  throw new AppError('EXPORT_FAILED', `Chromium wrote a PDF this version of Sourcemark cannot finish (${why}); nothing was saved.`);
}

/** The last trailer's entries: Chromium writes a classic cross-reference table and trailer. */
function readTrailer(text: string) {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) unsupported('no startxref at its end');
  const trailerAt = text.lastIndexOf('trailer');
  if (trailerAt < 0 || trailerAt < Number(startxref[1])) unsupported('a cross-reference stream instead of a trailer');
  const trailer = text.slice(trailerAt, startxref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer);
  if (!size || !root) unsupported('a trailer without Size or Root');
  return { prev: Number(startxref[1]), size: Number(size[1]), root: Number(root[1]), id: /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] ?? null };
}

function serialise(num: number, obj: PDFObject): Uint8Array {
  const head = Buffer.from(`${num} 0 obj\n`, 'latin1');
  const tail = Buffer.from('\nendobj\n', 'latin1');
  const out = new Uint8Array(head.length + obj.sizeInBytes() + tail.length);
  out.set(head, 0);
  obj.copyBytesInto(out, head.length);
  out.set(tail, head.length + obj.sizeInBytes());
  return out;
}

export function finishPdf(bytes: Uint8Array, finish: PdfFinish): Uint8Array {
  const text = latin1(bytes);
  const { prev, size, root, id } = readTrailer(text);
  const rootAt = text.lastIndexOf(`\n${root} 0 obj`);
  if (rootAt < 0) unsupported('its catalog could not be found');

  const context = PDFContext.create();
  context.largestObjectNumber = size - 1;
  const parser = PDFObjectParser.forBytes(bytes.subarray(rootAt + `\n${root} 0 obj`.length), context);
  const catalog = parser.parseObject();
  if (!(catalog instanceof PDFDict)) unsupported('its catalog is not a dictionary');
  if (catalog.has(PDFName.of('Names'))) unsupported('its catalog already has a name dictionary');

  const changed: [number, PDFObject][] = [];
  const add = (obj: PDFObject) => {
    const ref = context.nextRef();
    changed.push([ref.objectNumber, obj]);
    return ref;
  };

  const names: PDFObject[] = [];
  const specs: PDFRef[] = [];
  for (const a of [...finish.attachments].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const stream = context.flateStream(a.data, {
      Type: 'EmbeddedFile',
      Subtype: a.mimeType,
      Params: { Size: a.data.byteLength, ModDate: pdfDate(finish.date) },
    });
    const file = add(stream);
    const spec = add(
      context.obj({
        Type: 'Filespec',
        F: PDFString.of(a.name),
        UF: PDFHexString.fromText(a.name),
        EF: { F: file, UF: file },
        Desc: PDFHexString.fromText(a.description),
        AFRelationship: 'Data',
      }),
    );
    names.push(PDFHexString.fromText(a.name), spec);
    specs.push(spec);
  }
  if (specs.length) {
    const tree = add(context.obj({ Names: names }));
    catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: tree }));
    catalog.set(PDFName.of('AF'), context.obj(specs));
  }
  changed.push([root, catalog]);
  const info = add(
    context.obj({
      Title: PDFHexString.fromText(finish.title),
      Author: PDFHexString.fromText(finish.author),
      Subject: PDFHexString.fromText(finish.subject),
      Creator: PDFHexString.fromText(finish.creator),
      Producer: PDFHexString.fromText(finish.creator),
      CreationDate: pdfDate(finish.date),
      ModDate: pdfDate(finish.date),
    }),
  );

  // The update: the new objects, a cross-reference section with one subsection per object, the trailer.
  const parts: Uint8Array[] = [Buffer.from('\n', 'latin1')];
  let offset = bytes.byteLength + 1;
  const offsets: [number, number][] = [];
  for (const [num, obj] of changed) {
    const b = serialise(num, obj);
    offsets.push([num, offset]);
    parts.push(b);
    offset += b.byteLength;
  }
  const xrefAt = offset;
  const rows = offsets
    .sort((a, b) => a[0] - b[0])
    .map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`)
    .join('');
  const newSize = Math.max(size, context.largestObjectNumber + 1);
  parts.push(
    Buffer.from(
      `xref\n${rows}trailer\n<</Size ${newSize}\n/Root ${root} 0 R\n/Info ${info.objectNumber} 0 R\n/Prev ${prev}${id ? `\n/ID ${id}` : ''}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  const out = new Uint8Array(offset + parts[parts.length - 1]!.byteLength);
  out.set(bytes, 0);
  let at = bytes.byteLength;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

