// Files that cannot be sources are refused before any parsing, each with the file named and the reason.
import { describe, expect, test } from 'vitest';
import { parseFile } from '../../../main/import/parse';
import { IMPORT_LIMITS } from '../../../main/import/types';
import { LIMITS } from '../../../main/vocabulary';

const read = (name: string, bytes: Uint8Array) => parseFile({ name, bytes });

describe('refusing what is not a source', () => {
  test('too large: the message names the file, its size and the limit', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 5 * 1024 * 1024);
    await expect(read('huge.txt', big)).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: 'huge.txt: the file is 55 MB; the limit is 50 MB.' });
  });

  test('empty and blank files', async () => {
    await expect(read('empty.txt', new Uint8Array())).rejects.toThrow('empty.txt: the file is empty (0 bytes).');
    await expect(read('blank.md', Buffer.from(' \n\n\t \n'))).rejects.toThrow('blank.md: the file has no text, only white space.');
    await expect(read('blank.html', Buffer.from('<html><body><script>x()</script></body></html>'))).rejects.toThrow('blank.html: the page has no text to import.');
  });

  test('unsupported extensions, and binary content behind a text extension', async () => {
    await expect(read('report.xlsx', Buffer.from('PK\u0003\u0004...'))).rejects.toThrow('report.xlsx: .xlsx files cannot be imported; Sourcemark imports .txt, .md, .html, .htm, .pdf and .docx files.');
    await expect(read('README', Buffer.from('text'))).rejects.toThrow('README: a file without an extension cannot be imported');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(read('photo.txt', png)).rejects.toThrow('photo.txt: this is a PNG image, not a text file.');
    await expect(read('page.html', Buffer.from('%PDF-1.7\n...'))).rejects.toThrow('page.html: this is a PDF, not a web page. Rename it to end in .pdf and import it again.');
    await expect(read('data.txt', Buffer.from('abc\u0000\u0001\u0002def\u0000ghi\u00ff'))).rejects.toThrow('data.txt: the file contains binary data (NUL bytes), not text.');
    await expect(read('fake.pdf', Buffer.from('<html>not a pdf</html>'))).rejects.toThrow('fake.pdf: this is not a PDF (it does not start with %PDF-)');
    await expect(read('zip.pdf', Buffer.from('PK\u0003\u0004zip'))).rejects.toThrow('zip.pdf: this is a ZIP archive (such as .docx, .xlsx or .epub), not a PDF.');
  });

  test('text longer than the body limit', async () => {
    const long = Buffer.from(`${'word '.repeat(Math.ceil(LIMITS.bodyChars / 5) + 10)}`);
    await expect(read('long.txt', long)).rejects.toThrow(/^long\.txt: its text is 5,000,0\d\d characters; the limit is 5,000,000\./);
  });
});
