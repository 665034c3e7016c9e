// Saved pages are read by parse5 into linkedom's DOM (main/import/dom.ts) instead of jsdom's. The
// import must not change because of it: every page of the corpus, and pages written the ways real
// pages go wrong, give the same title, text, metadata and warnings under both; where the two differ,
// the new one does what a browser does.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/import/dom';
import { parseHtml } from '../../../main/import/html';
import { textOf } from '../../../main/import/html-text';
import { pageCorpus } from '../../fixtures/import-pages';
import { jsdomDocument } from '../../bench/extraction';

const read = (name: string, html: string | Uint8Array, dom = parseDocument) =>
  parseHtml(name, typeof html === 'string' ? new TextEncoder().encode(html) : html, undefined, undefined, dom);

const para = 'Analysts need the exact words of the article, nothing more and nothing less, every time they quote it. '.repeat(6);
const page = (inner: string, head = '') =>
  `<!doctype html><html><head><title>T</title>${head}</head><body><article><h1>Head</h1>${inner}<p>${para}</p></article></body></html>`;

/** Markup as saved pages get it wrong, each read the same by both DOMs. */
const MALFORMED: Record<string, string> = {
  'unclosed paragraphs': page(`<p>One ${para}<p>Two ${para}<div>Three block</div>`),
  'misnested formatting': page(`<p><b>bold <i>both</b> italic</i> after ${para}</p>`),
  'formatting across paragraphs': page(`<p><b>a<p>b</b>c ${para}</p>`),
  'a table without tbody': page(`<table><tr><td>${para}</td></tr></table>`),
  'legacy entities': page(`<p>AT&amp;T &copy 2024 &notit; &amp &lt;tag&gt; &#x41;&#66; &nbsp;x ${para}</p>`),
  'a script holding markup': page(`<script>var s = "</div><p>not text</p>";</script><p>${para}</p>`),
  'noscript, read as markup as DOMParser does': page(`<noscript><p>Enable JS ${para}</p></noscript>`),
  'a template': page(`<template><p>hidden template</p></template>`),
  comments: page(`<!-- a -- b --><p>x<!-- inner -->y ${para}</p><!--unterminated`),
  'br written three ways': page(`<p>line1<br>line2<br/>line3</br>line4 ${para}</p>`),
  'MathML and SVG': page(`<p>Formula <math><mi>x</mi><mo>=</mo><mn>2</mn></math> and <svg><text>svgtext</text></svg> end ${para}</p>`),
  'a self-closing div': page(`<div/>after self-closing div<p>${para}</p>`),
  'a paragraph inside head': `<html><head><title>T</title><p>para in head ${para}</p></head><body><p>${para}</p></body></html>`,
  'no html, head or body': `<title>T</title><p>${para}</p><p>${para}</p>`,
  'unquoted attributes': page(`<p class=lead id=x data-x=a>${para}</p><a href=/x?a=1&b=2>link</a>`),
  'nested lists without end tags': page(`<ul><li>one<li>two<ul><li>inner</ul><li>three</ul>`),
  'a heading inside a paragraph': page(`<p>start<h2>heading</h2>rest ${para}</p>`),
  'upper-case tags': page(`<P>Upper ${para}</P><DIV>Block</DIV>`),
  'NUL in text': page(`<p>nul\u0000char ${para}</p>`),
  'CR and CRLF line ends': page(`<p>line\r\nbreak\rold mac ${para}</p>`),
  'right-to-left text': page(`<p dir="rtl">${'هذا نص عربي طويل للاختبار. '.repeat(12)}</p>`),
  'a plaintext element': page(`<plaintext><p>all raw</p>`),
  'a frameset page': `<html><frameset><frame src="a"></frameset></html>`,
  'text before the doctype, which puts the title in body': `{% raw %}\n<!DOCTYPE html><html><head><title>Moto</title></head><body><p>${para}</p></body></html>`,
  'a title broken over two lines before its site name': page('', '').replace('<title>T</title>', '<title>GCC 12 Release Series — Changes, New Features, and Fixes\n- GNU Project</title>'),
  'an SVG title before the page title': `<html><head></head><body><svg><title>icon</title></svg><title>Real</title><p>${para}</p></body></html>`,
};

describe('reading saved pages with parse5 and linkedom', () => {
  it('gives the same title, text, metadata and warnings as jsdom on every page of the corpus', () => {
    for (const p of pageCorpus()) {
      expect(read(p.name, p.bytes), p.name).toEqual(read(p.name, p.bytes, jsdomDocument));
    }
  });

  it('reads malformed markup as jsdom does', () => {
    for (const [name, html] of Object.entries(MALFORMED)) {
      expect(read(`${name}.html`, html), name).toEqual(read(`${name}.html`, html, jsdomDocument));
    }
  });

  it('puts text that stands loose in a table before the table, where browsers put it (jsdom put it after)', () => {
    const html = page(`<table>stray text<tr><td>cell one</td><td>cell two</td></tr></table>`);
    expect(read('table.html', html).body).toContain('Head\n\nstray text\n\ncell one cell two\n\n');
    expect(read('table.html', html, jsdomDocument).body).toContain('Head\n\ncell one cell two\n\nstray text\n\n');
  });

  it('builds the tree a browser builds: implied elements, NUL dropped, line ends normalised, template contents apart', () => {
    const doc = parseDocument('<title>x</title><p>one\r\ntwo\u0000<template><p>inside</p></template><table><td>cell');
    expect(doc.documentElement?.localName).toBe('html');
    expect(doc.head?.querySelector('title')?.textContent).toBe('x');
    expect(textOf(doc.body)).toBe('one\ntwo\n\ncell');
    expect(doc.body.querySelector('tbody > tr > td')?.textContent).toBe('cell');
    expect(doc.querySelectorAll('template').length).toBe(1);
    expect(doc.body.textContent).not.toContain('inside');
  });

  it('keeps SVG and MathML in their namespaces, and attribute names a script could not set', () => {
    const html = '<p a"b="1" data-ok="2">Text <svg viewBox="0 0 1 1"><foreignObject><b>in</b></foreignObject></svg><math><mi>x</mi></math>';
    const doc = parseDocument(html);
    expect(doc.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelector('b')?.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(doc.querySelector('p')?.getAttribute('data-ok')).toBe('2');
    expect(doc.querySelector('p')?.getAttribute('a"b')).toBe('1');
    expect(textOf(doc.body)).toBe(textOf(jsdomDocument(html).body));
  });

  it('walks the text by sibling links, never by childNodes, which linkedom rebuilds from the subtree on every read', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `<span class="line">let x${i} = ${i};</span>`).join('\n');
    const doc = parseDocument(`<main><pre>${lines}</pre><p>After the code.</p></main>`);
    const want = textOf(doc.body);
    for (const el of [doc.body, ...doc.body.querySelectorAll('*')]) {
      Object.defineProperty(el, 'childNodes', {
        get: () => {
          throw new Error('childNodes read');
        },
      });
    }
    expect(textOf(doc.body)).toBe(want);
    expect(want.split('\n').filter((l) => l.startsWith('let x'))).toHaveLength(2000);
    expect(want).toContain('let x1999 = 1999;\n\nAfter the code.');
  });
});
