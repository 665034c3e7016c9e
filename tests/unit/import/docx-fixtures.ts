// Word documents for the import tests: real ones written by the `docx` package, and hand-built ZIPs
// for the refusals (a bomb, a ZIP that is not a Word document).
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { zeroBomb } from './pdf-bombs';

export async function reportDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    title: 'Water sharing report',
    creator: 'Amira Haddad',
    footnotes: { 1: { children: [new Paragraph('Ministry statement, 3 February 2026.')] } },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: 'bullet', text: '•', alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Water sharing accord', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Five states signed the accord on the river.'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: 'Terms', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'A joint commission', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: 'Seasonal flow limits', numbering: { reference: 'bullets', level: 0 } }),
          new Table({
            rows: [new TableRow({ children: [cell('State'), cell('Share')] }), new TableRow({ children: [cell('North'), cell('40%')] })],
          }),
          new Paragraph('Москва поддержала соглашение.'),
          new Paragraph('وقّعت الدول الخمس على الاتفاق.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function docxOf(paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));
}

interface Entry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  size: number;
}

/** A ZIP archive of the given entries, CRCs left at zero (the reader is told not to check them). */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const stored = (name: string, text: string): Entry => ({ name, data: Buffer.from(text), method: 0, size: Buffer.byteLength(text) });

/** A .docx whose document.xml inflates to `bytes` zero bytes while its header claims 1 KB. */
export function bombDocx(bytes: number): Buffer {
  const raw = zeroBomb(bytes).subarray(2, -4);
  return zipOf([stored('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', data: raw, method: 8, size: 1024 }]);
}

/** A ZIP holding only a spreadsheet-like part. */
export const notWordZip = () => zipOf([stored('[Content_Types].xml', '<Types/>'), stored('xl/workbook.xml', '<workbook/>')]);

/** What Word writes for a password-protected .docx: an OLE compound file with an EncryptionInfo stream. */
export function encryptedDocx(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1536);
  Buffer.from('EncryptionInfo', 'utf16le').copy(body, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(body, 1152);
  return Buffer.concat([header, body]);
}

/** An old Word 97 .doc: an OLE compound file without encryption. */
export function oldDoc(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1536);
  Buffer.from('WordDocument', 'utf16le').copy(body, 1024);
  return Buffer.concat([header, body]);
}
