// Import fidelity (issue 15): a saved page comes in as the article, exactly, whatever shape the site
// gave it. Each case is a page from the fixture corpus (tests/fixtures/import-pages.ts), built to
// reproduce what went wrong on real saved pages.
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { splitByline } from '../../../main/import/byline';
import { isoDate, toSourceFields } from '../../../main/import/metadata';
import { parseFile } from '../../../main/import/parse';
import { pdfDate } from '../../../main/import/pdf';
import { pageCorpus, type PageFixture } from '../../fixtures/import-pages';
import { bagF1, plainReadabilityText } from '../../bench/extraction';

const corpus = new Map(pageCorpus().map((p) => [p.name, p]));
const fixture = (name: string): PageFixture => corpus.get(name)!;
const importPage = async (name: string) => {
  const page = fixture(name);
  const parsed = await parseFile({ name, bytes: page.bytes });
  return { page, parsed, fields: toSourceFields(parsed).fields };
};

describe('the article, exactly', () => {
  test.each([...corpus.keys()].filter((n) => !/medical|large/.test(n)))('%s imports as its article text, paragraph for paragraph', async (name) => {
    const { page, parsed } = await importPage(name);
    expect(parsed.body).toBe(page.expected.join('\n\n'));
  });

  test('on every page of the corpus the text is at least as close to the article as plain Readability’s', async () => {
    // The large page is measured by `npm run bench -- import`; here it would only cost time.
    for (const page of [...corpus.values()].filter((p) => !/large/.test(p.name))) {
      const expected = page.expected.join('\n\n');
      const parsed = await parseFile({ name: page.name, bytes: page.bytes });
      expect.soft(bagF1(parsed.body, expected), page.name).toBeGreaterThanOrEqual(bagF1(plainReadabilityText(page.bytes), expected));
    }
  });
});

describe('encodings', () => {
  test('a page that declares gb2312 but is UTF-8 is read as UTF-8, and the disagreement is named', async () => {
    const { page, parsed, fields } = await importPage('news-zh-mislabeled.html');
    expect(parsed.body).toBe(page.expected.join('\n\n'));
    expect(fields.title).toBe('谈判将在假期后恢复');
    expect(fields.author).toBe('李娜');
    expect(parsed.warnings).toEqual(['The page declares the gb2312 encoding, but its bytes are UTF-8; it was read as UTF-8.']);
  });

  test('a page in its declared legacy encoding with damaged bytes says how many characters were replaced', async () => {
    const good = fixture('news-zh-gb2312.html').bytes;
    // Two lead bytes with no trail byte, in the article, where a damaged download leaves them.
    const at = good.indexOf(iconv.encode('据', 'gb2312'));
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0x81, 0x20, 0x81, 0x20]), good.subarray(at)]);
    const parsed = await parseFile({ name: 'damaged.html', bytes: damaged });
    expect(parsed.warnings).toEqual(['2 invalid gb2312 sequences were replaced with U+FFFD (�).']);
    expect(parsed.body).toContain('据两名知情人士透露');
  });

  test('legacy encodings of CJK, Arabic and Cyrillic pages are read as declared, with no warning', async () => {
    for (const name of ['news-zh-gb2312.html', 'news-zh-big5.html', 'news-ja-shift_jis.html', 'news-ko-euc-kr.html', 'news-ar-windows-1256.html', 'news-ru-windows-1251.html']) {
      const { page, parsed } = await importPage(name);
      expect(parsed.warnings, name).toEqual([]);
      expect(parsed.body, name).toBe(page.expected.join('\n\n'));
    }
  });
});

describe('finding the article', () => {
  test('an article Readability’s first pass strips as “sidebar” is not replaced by the print footer', async () => {
    const { page, parsed, fields } = await importPage('medical-news.html');
    expect(parsed.body.startsWith(page.expected.join('\n\n'))).toBe(true);
    expect(fields.author).toBe('Dr. Maria Keller');
  });

  test('empty comments left by server rendering do not split sentences into paragraphs', async () => {
    const { parsed } = await importPage('react-news.html');
    expect(parsed.body).toContain('A version of this article appears in print on Dec. 5, 2016, on Page A22 of the New York edition with the headline: Talks to Resume.');
    expect(parsed.body.split('\n\n').every((p) => p.length > 40)).toBe(true);
  });
});

describe('code and math', () => {
  test('code blocks keep their lines and indentation, whether written with newlines, <br> or a <div> per line', async () => {
    const { parsed } = await importPage('code-blog.html');
    expect(parsed.body).toContain('function total(items) {\n  let sum = 0;\n  for (const item of items) sum += item.price;\n  return sum;\n}');
    expect(parsed.body).toContain('SELECT title, published_at\nFROM source\nWHERE outlet = ?\nORDER BY published_at DESC;');
    expect(parsed.body).toContain('$ npm run bench -- import\n{"suite":"import","metric":"html_files_per_s"}');
    expect(parsed.body).toContain('git add -A\ngit commit -m "Sum prices"');
  });

  test('formulas come in as their TeX, and a displayed formula keeps its full stop', async () => {
    const { parsed } = await importPage('math-encyclopedia.html');
    expect(parsed.body).toContain('When b^{2}-4ac>0, there are two solutions to ax^{2}+bx+c=0 and they are');
    expect(parsed.body).toContain('\n\nx={\\frac {-b\\pm {\\sqrt {b^{2}-4ac}}}{2a}}.\n\n');
    expect(parsed.body).toContain('Inline MathML written by hand: e^{i\\pi}+1=0 is Euler’s identity.');
    expect(parsed.body.split('\n\n')).not.toContain('.');
  });

  test('MathJax TeX in script blocks is kept as text; a paragraph of punctuation joins the one before', async () => {
    const html = `<html><body><article><h1>Growth</h1><p>${'The model of growth is simple enough to state in one line of notation. '.repeat(6)}</p>
<p>The rate is <script type="math/tex">r = \\frac{dN}{dt}</script> per year, and the total is</p><div><script type="math/tex; mode=display">N(t) = N_0 e^{rt}</script></div><p>.</p>
<p>${'Each term is measured in the same units as the population itself, counted at the start of the year. '.repeat(5)}</p></article></body></html>`;
    const parsed = await parseFile({ name: 'growth.html', bytes: Buffer.from(html) });
    expect(parsed.body).toContain('The rate is r = \\frac{dN}{dt} per year, and the total is\n\nN(t) = N_0 e^{rt}.');
  });
});

describe('dates keep the zone they were written with, or none', () => {
  test.each(['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC'])('on a machine in %s', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(isoDate('July 27, 2017')).toBe('2017-07-27');
      expect(isoDate('22 Dec 2016')).toBe('2016-12-22');
      expect(isoDate('05/29/2007 09:49:00')).toBe('2007-05-29T09:49:00');
      expect(isoDate('March 5, 2024 9:30 PM')).toBe('2024-03-05T21:30:00');
      expect(isoDate('2024-03-05 09:30')).toBe('2024-03-05T09:30');
      expect(isoDate('Tue, 05 Mar 2024 09:30:00 +0100')).toBe('2024-03-05T08:30:00Z');
      expect(isoDate('March 5, 2024 9:30 AM EST')).toBe('2024-03-05T14:30:00Z');
      expect(isoDate('2024-03-05T09:30:00+01:00')).toBe('2024-03-05T09:30:00+01:00');
      expect(pdfDate('D:20260301143000')).toBe('2026-03-01T14:30:00');
      expect(pdfDate("D:20260301143000+01'00'")).toBe('2026-03-01T14:30:00+01:00');
      expect(pdfDate('D:20260301143000Z')).toBe('2026-03-01T14:30:00Z');
    } finally {
      process.env.TZ = saved;
      if (saved === undefined) delete process.env.TZ;
    }
  });

  test('saved pages with a bare date and a zone-less local time', async () => {
    expect((await importPage('date-only.html')).fields.publishedAt).toBe('2017-07-27');
    expect((await importPage('local-time.html')).fields.publishedAt).toBe('2007-05-29T09:49:00');
  });
});

describe('bylines', () => {
  test('a byline run together with a date and a count gives the name, and the date when the page had none', async () => {
    const { fields } = await importPage('byline-blog.html');
    expect(fields.author).toBe('Lucas Nolan');
    expect(fields.publishedAt).toBe('2016-12-22');
  });

  test.each([
    ['Lucas Nolan22 Dec 2016651', 'Lucas Nolan', '22 Dec 2016'],
    ['By Jane Roe | March 3, 2020 | 5 min read', 'Jane Roe', 'March 3, 2020'],
    ['Jane Roe, Staff Writer', 'Jane Roe, Staff Writer', null],
    ['Ahmed Saleh Updated 2024-03-05 09:30', 'Ahmed Saleh', '2024-03-05 09:30'],
    ['Anna Berg 12 comments', 'Anna Berg', null],
    ['https://example.org/staff/jane', null, null],
  ])('%s', (raw, name, date) => {
    expect(splitByline(raw)).toEqual({ name, date });
  });
});
