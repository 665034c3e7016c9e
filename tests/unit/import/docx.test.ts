// Word documents imported through the service: headings, paragraphs, lists, tables, footnotes and
// scripts arrive as the text a reader sees, with title and author from the document properties; a
// bomb, a damaged or non-Word ZIP, a password-protected or empty document is refused and stores nothing.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLibrary, type TestLibrary } from '../service/helpers';
import { bombDocx, docxOf, encryptedDocx, notWordZip, oldDoc, reportDocx } from './docx-fixtures';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

const b64 = (b: Buffer) => b.toString('base64');

describe('importing a Word document', () => {
  test('text, structure and metadata come through exactly', async () => {
    const outcome = await lib.call('importFile', { name: 'report.docx', base64: b64(await reportDocx()) });
    expect(outcome.status).toBe('created');
    expect(outcome.source).toMatchObject({ title: 'Water sharing report', author: 'Amira Haddad', format: 'docx' });
    const source = await lib.call('getSource', { id: outcome.source.id });
    expect(source.body).toBe(
      [
        'Water sharing accord',
        'Five states signed the accord on the river.[1]',
        'Terms',
        'A joint commission\nSeasonal flow limits',
        'State Share\nNorth 40%',
        'Москва поддержала соглашение.',
        'وقّعت الدول الخمس على الاتفاق.',
        '[1] Ministry statement, 3 February 2026.',
      ].join('\n\n'),
    );
  });

  test('without a title in its properties, the first line is the title', async () => {
    const outcome = await lib.call('importFile', { name: 'notes.docx', base64: b64(await docxOf(['Field notes', 'Second paragraph.'])) });
    expect(outcome.source.title).toBe('Field notes');
    expect((await lib.call('getSource', { id: outcome.source.id })).body).toBe('Field notes\n\nSecond paragraph.');
  });
});

describe('refusals', () => {
  const refusal = async (name: string, bytes: Buffer) => {
    const before = lib.snapshot();
    const error = await lib.refuse('importFile', { name, base64: b64(bytes) });
    expect(lib.snapshot()).toBe(before);
    expect(error.code).toBe('IMPORT_FAILED');
    return error.message;
  };

  test('a document whose parts inflate past the limit (a bomb lying about its size)', async () => {
    expect(await refusal('bomb.docx', bombDocx(129 * 1024 * 1024))).toBe(
      'bomb.docx: it expands to more than 128 MB when decompressed, the limit for one Word document. A document that holds this much is damaged or made to exhaust memory; if it is genuine, split it into smaller documents.',
    );
  });

  test('a damaged ZIP', async () => {
    const good = await reportDocx();
    expect(await refusal('cut.docx', good.subarray(0, 200))).toMatch(/^cut\.docx: the Word document is damaged and cannot be opened \(its ZIP archive is unreadable: .+\)\.$/);
  });

  test('a ZIP that is not a Word document', async () => {
    expect(await refusal('sheet.docx', notWordZip())).toBe(
      'sheet.docx: this ZIP archive is not a Word document (it has no word/document.xml); it may be another kind of file named .docx.',
    );
  });

  test('a password-protected document, and an old .doc named .docx', async () => {
    expect(await refusal('secret.docx', encryptedDocx())).toBe(
      'secret.docx: the Word document is protected by a password. Open it in Word, remove the password (File › Info › Protect Document), save a copy and import that.',
    );
    expect(await refusal('old.docx', oldDoc())).toBe('old.docx: this is an old Word document (.doc) named .docx. Open it in Word and save it as .docx, then import that.');
  });

  test('something else named .docx, and an empty document', async () => {
    expect(await refusal('page.docx', Buffer.from('%PDF-1.7\n'))).toBe('page.docx: this is a PDF, not a Word document.');
    expect(await refusal('blank.docx', await docxOf(['', '   ']))).toBe('blank.docx: the Word document has no text, only white space (it may hold only pictures).');
  });
});
