// Importing into a real library: files become sources with their metadata, the same text twice is
// one source, and a bad file is named with its reason while the rest of the batch imports and the
// library is otherwise untouched.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLibrary, type TestLibrary } from '../service/helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const PAGE = `<html lang="fr"><head><title>Accord sur l’eau</title><meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Marie Curie"><meta name="date" content="2026-02-03 09:15:00"><link rel="canonical" href="https://quotidien.example/eau"></head>
<body><article><p>Les cinq pays ont signé un accord sur le partage de l’eau du fleuve, après des années de négociations difficiles.</p>
<p>Le texte prévoit une commission commune chargée de surveiller les débits pendant la saison sèche.</p></article></body></html>`;

describe('importFile', () => {
  test('a saved page becomes a source with its metadata prefilled', async () => {
    const outcome = await lib.call('importFile', { name: 'accord.html', base64: b64(PAGE) });
    expect(outcome.status).toBe('created');
    expect(outcome.fileName).toBe('accord.html');
    expect(outcome.source).toMatchObject({
      title: 'Accord sur l’eau',
      outlet: 'Le Quotidien',
      author: 'Marie Curie',
      url: 'https://quotidien.example/eau',
      publishedAt: '2026-02-03T09:15:00',
      language: 'fr',
      format: 'html',
    });
    const source = await lib.call('getSource', { id: outcome.source.id });
    expect(source.body).toBe(
      'Les cinq pays ont signé un accord sur le partage de l’eau du fleuve, après des années de négociations difficiles.\n\nLe texte prévoit une commission commune chargée de surveiller les débits pendant la saison sèche.',
    );
  });

  test('the same text again is not stored twice: the existing source is returned', async () => {
    const first = await lib.call('importFile', { name: 'accord.html', base64: b64(PAGE) });
    const before = lib.snapshot();
    const again = await lib.call('importFile', { name: 'copy-of-accord.htm', base64: b64(PAGE.replace('Accord sur', 'Copie: accord sur')) });
    expect(again.status).toBe('duplicate');
    expect(again.source.id).toBe(first.source.id);
    expect(again.source.title).toBe('Accord sur l’eau');
    expect(lib.snapshot()).toBe(before);
  });

  test('a bad file is refused with its name and reason, and changes nothing', async () => {
    await lib.call('importFile', { name: 'accord.html', base64: b64(PAGE) });
    const before = lib.snapshot();
    expect(await lib.refuse('importFile', { name: 'photo.txt', base64: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])) })).toEqual({
      code: 'IMPORT_FAILED',
      message: 'photo.txt: this is a PNG image, not a text file.',
    });
    expect((await lib.refuse('importFile', { name: 'empty.md', base64: '' })).message).toBe('empty.md: the file is empty (0 bytes).');
    expect((await lib.refuse('importFile', { name: 'bad.txt', base64: 'not base64!' })).message).toBe('bad.txt: the file’s bytes did not arrive intact (invalid base64).');
    expect(lib.snapshot()).toBe(before);
  });

  test('warnings travel with the outcome, and metadata that does not fit is dropped with a warning', async () => {
    const text = Buffer.concat([Buffer.from('A note with a broken byte: '), Buffer.from([0xff]), Buffer.from(' and then “more” text.')]);
    const note = await lib.call('importFile', { name: 'note.txt', base64: b64(text) });
    expect(note.warnings).toEqual(['1 invalid UTF-8 sequence was replaced with U+FFFD (�).']);
    const md = await lib.call('importFile', { name: 'm.md', base64: b64('---\ntitle: T\ndate: someday soon\nurl: javascript:alert(1)\n---\nBody text.') });
    expect(md.source.publishedAt).toBeNull();
    expect(md.source.url).toBeNull();
    expect(md.warnings.join(' ')).toMatch(/published date "someday soon" was not understood/);
    expect(md.warnings.join(' ')).toMatch(/not a usable URL/);
  });
});

describe('importPaths', () => {
  test('a folder with one bad file: the rest import and the bad one is reported', async () => {
    const folder = path.join(lib.dir, 'drop');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Alpha report\n\nThe first finding.');
    fs.writeFileSync(path.join(folder, 'b.md'), '# Bravo\n\nThe second finding.');
    fs.writeFileSync(path.join(folder, 'c.html'), PAGE);
    fs.writeFileSync(path.join(folder, 'sub', 'd.pdf'), '%PDF-1.7\nthis is not really a pdf');
    fs.writeFileSync(path.join(folder, '.hidden.txt'), 'skipped');
    const results = await lib.call('importPaths', { paths: [folder, path.join(lib.dir, 'missing.txt')] });
    expect(results.map((r) => (r.ok ? `${r.value.fileName}: ${r.value.status} "${r.value.source.title}"` : r.error.message))).toEqual([
      'a.txt: created "Alpha report"',
      'b.md: created "Bravo"',
      'c.html: created "Accord sur l’eau"',
      expect.stringMatching(/^d\.pdf: the PDF is damaged or incomplete/),
      'missing.txt: the file cannot be opened (ENOENT).',
    ]);
    const listed = await lib.call('listSources', {});
    expect(listed.total).toBe(3);
  });

  test('an encoding chosen by the analyst is used for files without a byte order mark', async () => {
    const iconv = (await import('iconv-lite')).default;
    const file = path.join(lib.dir, 'svodka.txt');
    const text = 'Сводка за неделю\n\nКолонна прибыла в северный район в понедельник.';
    fs.writeFileSync(file, iconv.encode(text, 'koi8-r'));
    const [result] = await lib.call('importPaths', { paths: [file], encoding: 'koi8-r' });
    expect(result?.ok && result.value.source.title).toBe('Сводка за неделю');
    const id = result?.ok ? result.value.source.id : 0;
    expect((await lib.call('getSource', { id })).body).toBe(text);
  });

  test('a file over the size limit is refused before it is read', async () => {
    const huge = path.join(lib.dir, 'huge.pdf');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 61 * 1024 * 1024); // sparse: no 61 MB written
    const [result] = await lib.call('importPaths', { paths: [huge] });
    expect(result).toEqual({ ok: false, fileName: 'huge.pdf', error: { code: 'IMPORT_FAILED', message: 'huge.pdf: the file is 61 MB; the limit is 50 MB.' } });
  });
});
