// An analyst's text files come in many encodings; each is read as the words it holds, and damage is
// reported rather than hidden.
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseFile } from '../../../main/import/parse';

const RUSSIAN = 'Москва — столица России, город федерального значения и административный центр Центрального федерального округа. Переговоры возобновятся на следующей неделе.';
const FRENCH = 'Le café est très bon à Paris, où les élèves étudient l’économie et la société française. Ça coûte cher — naïve façade.';
const read = (name: string, bytes: Uint8Array, encoding?: string) => parseFile({ name, bytes, encoding });

describe('reading .txt files in their encoding', () => {
  test('UTF-8, with and without a byte order mark', async () => {
    const plain = await read('note.txt', Buffer.from(`Title line\n\n${RUSSIAN}`));
    expect(plain.body).toBe(`Title line\n\n${RUSSIAN}`);
    expect(plain.title).toBe('Title line');
    expect(plain.warnings).toEqual([]);
    const bom = await read('note.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RUSSIAN)]));
    expect(bom.body).toBe(RUSSIAN);
  });

  test('UTF-16 little and big endian with a byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${FRENCH}\n北京和东京的代表表示`, 'utf16le')]);
    expect((await read('le.txt', le)).body).toBe(`${FRENCH}\n北京和东京的代表表示`);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RUSSIAN, 'utf16le')]));
    be.swap16();
    expect((await read('be.txt', be)).body).toBe(RUSSIAN);
  });

  test('legacy Windows-1251 and Windows-1252 are detected', async () => {
    const ru = await read('ru.txt', iconv.encode(RUSSIAN, 'windows-1251'));
    expect(ru.body).toBe(RUSSIAN);
    expect(ru.warnings.join(' ')).toMatch(/windows-1251/);
    const fr = await read('fr.txt', iconv.encode(FRENCH, 'windows-1252'));
    expect(fr.body).toBe(FRENCH);
  });

  test('an encoding the analyst chooses wins over detection', async () => {
    const koi = RUSSIAN.replace('—', '-'); // KOI8-R has no dash
    const bytes = iconv.encode(koi, 'koi8-r');
    expect((await read('ru.txt', bytes, 'koi8-r')).body).toBe(koi);
    await expect(read('ru.txt', bytes, 'klingon-8')).rejects.toThrow('ru.txt: "klingon-8" is not a text encoding Sourcemark knows');
  });

  test('invalid UTF-8 is read with replacements, and the warning says how many', async () => {
    const good = Buffer.from(`${RUSSIAN}\n\n${FRENCH}`);
    const damaged = Buffer.concat([good.subarray(0, 40), Buffer.from([0xff]), good.subarray(40, 90), Buffer.from([0xc3, 0x28, 0xfe]), good.subarray(90)]);
    const parsed = await read('damaged.txt', damaged);
    expect(parsed.warnings).toEqual(['3 invalid UTF-8 sequences were replaced with U+FFFD (�).']);
    expect(parsed.body.split('\uFFFD').length - 1).toBe(3);
    // A U+FFFD that was in the file already is the author's, not damage.
    const honest = await read('honest.txt', Buffer.from(`Replacement sign: \uFFFD and ${RUSSIAN}`));
    expect(honest.warnings).toEqual([]);
  });

  test('line endings and runs of blank lines are tidied, nothing else', async () => {
    const parsed = await read('crlf.txt', Buffer.from('First  line  \r\nsecond\r\n\r\n\r\n\r\nThird\ttab\r\n'));
    expect(parsed.body).toBe('First  line\nsecond\n\nThird\ttab');
  });
});

describe('Markdown', () => {
  test('the first heading is the title; front matter gives title, author and date', async () => {
    const md = await read('notes.md', Buffer.from('Intro line\n\n# The real title\n\nBody **bold** text.\n'));
    expect(md.title).toBe('The real title');
    expect(md.body).toBe('Intro line\n\n# The real title\n\nBody **bold** text.');
    expect(md.format).toBe('markdown');
    const fm = await read('fm.md', Buffer.from('---\ntitle: "Front title"\nauthor: Jane Roe\ndate: 2026-03-01\n---\n# Heading\n\nText.'));
    expect(fm.title).toBe('Front title');
    expect(fm.metadata.author).toBe('Jane Roe');
    expect(fm.metadata.publishedAt).toBe('2026-03-01');
    expect(fm.body).toBe('# Heading\n\nText.');
  });
});
