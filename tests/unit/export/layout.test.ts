import { describe, expect, it } from 'vitest';
import { printHtml, printJob, printOptions } from '../../../main/export/layout';
import { ARABIC, briefFull, CHINESE, multilingualBrief, RUSSIAN, sourceMeta } from './brief-fixtures';

const html = (b = multilingualBrief()) => printHtml(b, { exportedAt: '2026-03-02T08:15:00Z', fontCss: '' });

describe('print view of a brief', () => {
  it('has the cover block, summary and every claim in order with its likelihood and confidence; the marking only in the page templates', () => {
    const b = multilingualBrief();
    b.claims[0]!.likelihood = 'very-likely';
    const out = html(b);
    expect(out).toContain('<title>Port expansion: three languages</title>');
    // The header and footer templates print the marking on every page; the page itself does not repeat it.
    expect(out).not.toContain('UNCLASSIFIED');
    expect(out).toContain('<dt>Prepared by</dt><dd>Analyst One, Open Source Desk</dd>');
    expect(out).toContain('<dt>Date</dt><dd>2026-03-02</dd>');
    expect(out).toContain('<dt>Information cut-off</dt><dd>2026-02-28</dd>');
    expect(out).toContain('<dt>Dissemination</dt><dd>Distribution: project team</dd>');
    expect(out).toContain('The bottom line: the port is being expanded.');
    const order = ['The governor announced', 'Arabic-language media', 'Chinese state media'].map((t) => out.indexOf(t));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(out).toContain(
      '<li value="1">The governor announced the expansion.<a href="#evidence-1">[1]</a><p class="judgment">Likelihood: very likely (80–95%) · Confidence: high · Evidence: Single source</p>',
    );
    expect(out).toContain('<p class="judgment">Confidence: moderate · Evidence: Single source</p>');
    expect(out).toContain('<li value="3">Chinese state media disagree on nothing.<a href="#evidence-3">[3]</a><p class="judgment">Evidence: No supporting source · contradicted by [3]</p>');
  });

  it('shows on screen only one line of every character it draws, so every font loads before printing', () => {
    const out = html();
    const line = /<p class="font-load" aria-hidden="true">([^<]*) <b>([^<]*)<\/b><\/p>/.exec(out);
    expect(line).not.toBeNull();
    const [regular, bold] = [line![1]!, line![2]!];
    for (const ch of `${CHINESE}${ARABIC}${RUSSIAN}`.replace(/\s/g, '')) expect(regular).toContain(ch);
    // Each character once: the line stays short however long the brief is.
    expect(new Set(regular).size).toBe([...regular].length);
    for (const ch of 'EvidenceAnnexCONTRADICTS') expect(bold).toContain(ch);
    // Source titles are not bold, so a Chinese title needs no bold Chinese faces.
    expect(bold).not.toContain('港');
    expect(out).toContain('@media screen { body > :not(.font-load) { content-visibility: hidden; } }');
    expect(out).toContain('@media print { .font-load { display: none; } }');
  });

  it('numbers citation markers and links them to the claim\'s evidence in the annex', () => {
    const b = briefFull('B', [
      { text: 'One', cites: [{ source: sourceMeta(1), exact: 'a' }, { source: sourceMeta(2), exact: 'b' }] },
      { text: 'Two', cites: [{ source: sourceMeta(1), exact: 'c' }] },
    ]);
    const out = html(b);
    expect(out).toContain('<li value="1">One<a href="#evidence-1">[1][2]</a><p class="judgment">Evidence: 2 independent sources</p></li>');
    expect(out).toContain('<li value="2">Two<a href="#evidence-2">[3]</a><p class="judgment">Evidence: Single source</p></li>');
    for (const n of [1, 2]) expect(out).toContain(`<h3 id="evidence-${n}">Claim ${n}</h3>`);
    // The annex lists the claim's citations in order under that heading.
    expect(out.indexOf('[1] Supports')).toBeGreaterThan(out.indexOf('<h3 id="evidence-1">'));
    expect(out.indexOf('[2] Supports')).toBeLessThan(out.indexOf('<h3 id="evidence-2">'));
    expect(out.indexOf('[3] Supports')).toBeGreaterThan(out.indexOf('<h3 id="evidence-2">'));
  });

  it('quotes every passage verbatim, right to left for Arabic, with the source language', () => {
    const out = html();
    expect(out).toContain(`<blockquote class="supports" lang="ru">${RUSSIAN}</blockquote>`);
    expect(out).toContain(`<blockquote class="supports" dir="auto" lang="ar">${ARABIC}</blockquote>`);
    expect(out).toContain(`<blockquote class="contradicts" lang="zh">${CHINESE}</blockquote>`);
  });

  it('says in words when evidence contradicts a claim', () => {
    const out = html();
    expect(out).toContain('<b class="contradicts">[3] CONTRADICTS the claim</b>');
    expect(out).toContain('contradicted by [3]');
  });

  it('gives each citation its source descriptor and ICD 206 endnote, and the passage credibility', () => {
    const out = html();
    expect(out).toContain('<b class="supports">[1] Supports the claim</b> · News article; source reliability B (usually reliable)</p>');
    // Endnote order: author, title, outlet, publication date, source type, URL, access date.
    expect(out).toContain(
      '<p class="ev-source">A. Writer, “Губернатор о порте”, Известия, 2026-02-14, News article, https://example.org/articles/1, accessed 2026-02-20 09:30 UTC. · Passage credibility 2 — probably true',
    );
    // Right-to-left names are isolated so they keep their order inside the English line.
    expect(out).toContain('A. Writer, <bdi>“توسيع الميناء”</bdi>, <bdi>الجزيرة</bdi>, 2026-02-14');
    expect(out).toContain('News article; reliability not rated</p>');
    expect(out).toContain('Passage credibility 4 — doubtful');
    // A link once per source in the list of sources; the annex repeats the address as text.
    expect(out.match(/<a href="https:\/\/example\.org\/articles\/1">https:\/\/example\.org\/articles\/1<\/a>/g)).toHaveLength(1);
    expect(out).toMatch(/<h2>Source reference citations<\/h2>[\s\S]*Text SHA-256: [0-9a-f]{64}/);
  });

  it('prints the source summary statement after the bottom line, drafted from the evidence when none is written', () => {
    const drafted = html();
    expect(drafted.indexOf('<h2>Source summary statement</h2>')).toBeGreaterThan(drafted.indexOf('<h2>Bottom line</h2>'));
    expect(drafted.indexOf('<h2>Source summary statement</h2>')).toBeLessThan(drafted.indexOf('<h2>Claims</h2>'));
    expect(drafted).toContain('This brief rests on 3 sources: 3 news articles, published on 2026-02-14.');
    expect(drafted).toContain('Drafted by Sourcemark from the cited evidence');
    const own = html({ ...multilingualBrief(), sourceSummary: 'Mostly state media; no independent reporting.' });
    expect(own).toContain('<p class="source-summary" dir="auto">Mostly state media; no independent reporting.</p>');
    expect(own).not.toContain('Drafted by Sourcemark');
  });

  it('puts the portion mark before each paragraph when the brief has one', () => {
    const out = html({ ...multilingualBrief(), portionMark: 'U' });
    expect(out).toContain('<p class="summary" dir="auto">(U) The bottom line');
    expect(out).toContain('<li value="1">(U) The governor announced');
    expect(out).toContain('<p class="source-summary" dir="auto">(U) This brief rests on');
    expect(html()).not.toContain('(U)');
  });

  it('escapes analyst and source text everywhere, including attributes and templates', () => {
    const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">&amp;';
    const s = sourceMeta(9, { title: evil, outlet: evil, author: evil, url: 'https://e.org/?a="><script>x</script>' });
    const b = briefFull(evil, [{ text: evil, cites: [{ source: s, exact: evil }] }], { marking: evil, author: evil, summary: evil });
    const out = html(b);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&amp;amp;');
    expect(out).toContain('href="https://e.org/?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    const opts = printOptions(b);
    expect(opts.headerTemplate + opts.footerTemplate).not.toContain('<script');
    expect(opts.footerTemplate).toContain('&lt;script&gt;');
  });

  it('shows non-web URLs as text, never as links', () => {
    const s = sourceMeta(4, { url: 'file:///etc/passwd' });
    const out = html(briefFull('B', [{ text: 'c', cites: [{ source: s, exact: 'x' }] }]));
    expect(out).toContain(', file:///etc/passwd, ');
    expect(out).not.toContain('href="file:');
  });

  it('marks claims that cite nothing, and leaves them out of the annex', () => {
    const out = html(briefFull('B', [{ text: 'Unsupported' }]));
    expect(out).toContain('This claim cites no passage.');
    expect(out).not.toContain('Evidence annex');
  });

  it('has no script and forbids scripts and remote loads by CSP', () => {
    const out = html();
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"`);
  });

  it('puts the marking and Page X of Y in the templates with explicit sizes, margins in the options', () => {
    const b = multilingualBrief();
    b.marking = 'SECRET//REL';
    const opts = printOptions(b);
    expect(opts.headerTemplate).toContain('SECRET//REL');
    expect(opts.footerTemplate).toContain('SECRET//REL');
    expect(opts.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(opts.headerTemplate).toMatch(/font-size:\s*8(\.5)?pt/);
    expect(opts.margin.top).toBeGreaterThan(0.5);
    expect(opts.outline).toBe(true);
    expect(html(b)).not.toContain('@page');
  });

  it('embeds the fonts the brief needs as data: URLs, and no others', () => {
    const job = printJob(multilingualBrief(), '2026-03-02T08:15:00Z');
    expect(job.html).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
    expect(job.html).toContain("font-family:'Noto Sans Arabic'");
    expect(job.html).toContain("font-family:'Noto Sans SC'");
    const latinOnly = printJob(briefFull('Plain', [{ text: 'Plain English.' }]), '2026-03-02T08:15:00Z');
    expect(latinOnly.html).not.toContain("font-family:'Noto Sans Arabic'");
    expect(latinOnly.html).not.toContain("font-family:'Noto Sans SC'");
    expect(latinOnly.html.length).toBeLessThan(200_000);
    // Latin header text uses the system font (per-page font parsing is slow); other scripts are embedded.
    expect(job.options.headerTemplate).not.toContain('data:font/woff2;base64,');
    const cyrillic = printJob(briefFull('Обзор', [{ text: 'x' }], { marking: 'СЕКРЕТНО' }), '2026-03-02T08:15:00Z');
    expect(cyrillic.options.footerTemplate).toContain("font-family:'Noto Sans';font-style:normal;font-weight:700");
    expect(cyrillic.options.footerTemplate).not.toContain('font-weight:400');
  });
});

describe('a passage cited by several claims', () => {
  const passage = 'The ministry said the exercise would last nine days, and that no live fire was planned.';
  const b = briefFull('B', [
    { text: 'One', cites: [{ source: sourceMeta(1), exact: passage }] },
    { text: 'Two', cites: [{ source: sourceMeta(2), exact: 'other' }] },
    { text: 'Three', cites: [{ source: sourceMeta(1), exact: passage, quoteId: 1, relation: 'contradicts' }] },
  ]);
  const out = printHtml(b, { exportedAt: '2026-03-02T08:00:00.000Z', fontCss: '' });

  it('is quoted in full once, where it is first cited, with the claims that cite it', () => {
    expect(out.split(`>${passage}</blockquote>`)).toHaveLength(2);
    expect(out).toContain('Cited by claim 1 as [1] (supports), claim 3 as [3] (contradicts).');
    expect(out.split('<p class="ev-source">')).toHaveLength(3); // [1] and [2], not [3]
  });

  it('is named and pointed back to by a later citation', () => {
    const later = out.slice(out.indexOf('<h3 id="evidence-3">'));
    expect(later).toContain('[3] CONTRADICTS the claim');
    expect(later).toContain('The passage quoted in full at [1] (claim 1): “<span lang="en">The ministry said the exercise would last nine days, and…</span>”');
    expect(later).not.toContain('<blockquote');
  });
});
