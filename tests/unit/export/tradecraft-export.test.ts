// The exports as a reviewer of finished intelligence reads them (issue 11): the export check names
// every tradecraft gap in plain words, the PDF says who made it and carries its passages verbatim as
// an attachment (Arabic and Hebrew included), and the Word file has the same structure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openExportLibrary, pdfPages, sharedRenderer, squash, type ExportLibrary } from './export-helpers';

const renderer = sharedRenderer();
let lib: ExportLibrary;
afterEach(async () => {
  await lib?.close();
});
afterAll(() => renderer.shutdown());

const ARABIC = 'قال المتحدث إن الميناء سيتم توسيعه بحلول عام ٢٠٢٧.';
const HEBREW = 'הדובר אמר כי הנמל יורחב עד שנת 2027.';
const ENGLISH = 'The ministry confirmed that the port will reopen on 3 March.';

/** A brief over three sources (Arabic, Hebrew, English), written with tradecraft faults to find. */
async function portBrief(over: { sourceType?: boolean } = {}) {
  const typed = over.sourceType ?? true;
  const ar = await lib.call('addSource', {
    title: 'توسيع الميناء',
    body: `مقدمة. ${ARABIC} خاتمة.`,
    language: 'ar',
    outlet: 'الجزيرة',
    author: 'مراسل',
    url: 'https://example.org/ar',
    publishedAt: '2026-02-10',
    accessedAt: '2026-02-12',
    reliability: 'C',
    sourceType: typed ? 'news-article' : null,
  });
  const he = await lib.call('addSource', { title: 'הרחבת הנמל', body: `פתיחה. ${HEBREW} סוף.`, language: 'he', outlet: 'הארץ', reliability: 'B', accessedAt: null });
  const en = await lib.call('addSource', {
    title: 'Ministry statement',
    body: `Press release. ${ENGLISH} Ends.`,
    author: 'Ministry of Transport',
    outlet: 'Ministry of Transport',
    url: 'https://example.org/en',
    publishedAt: '2026-02-11',
    accessedAt: '2026-02-12',
    reliability: 'A',
    sourceType: 'official-statement',
  });
  const quote = async (sourceId: number, body: string, passage: string) => {
    const start = body.indexOf(passage);
    return (await lib.call('createQuote', { sourceId, start, end: start + passage.length, credibility: 2 })).id;
  };
  const qAr = await quote(ar.source.id, `مقدمة. ${ARABIC} خاتمة.`, ARABIC);
  const qHe = await quote(he.source.id, `פתיחה. ${HEBREW} סוף.`, HEBREW);
  const qEn = await quote(en.source.id, `Press release. ${ENGLISH} Ends.`, ENGLISH);
  const brief = await lib.call('createBrief', {
    title: 'Port of Tartus: reopening',
    marking: 'OFFICIAL',
    summary: 'The port will reopen in March.',
    author: 'A. Analyst',
    organisation: 'Open Source Desk',
    dissemination: 'Distribution: project team only',
    cutoffDate: '2026-02-12',
  });
  const c1 = await lib.call('addClaim', { briefId: brief.id, text: 'The port will likely reopen in March.', likelihood: 'likely', confidence: 'high' });
  await lib.call('addCitation', { claimId: c1.id, quoteId: qEn });
  const c2 = await lib.call('addClaim', { briefId: brief.id, text: 'Regional media might report the same date.' });
  await lib.call('addCitation', { claimId: c2.id, quoteId: qAr });
  await lib.call('addCitation', { claimId: c2.id, quoteId: qHe });
  return { brief, claims: [c1, c2] };
}

describe('export check: tradecraft', () => {
  it('names each tradecraft fault, each endnote gap and each template gap in plain words, and lets the export go on', async () => {
    lib = await openExportLibrary(renderer);
    const { brief, claims } = await portBrief();
    const check = await lib.call('checkExport', { briefId: brief.id });
    expect(check.problems).toEqual([]);
    expect(check.empty).toBeNull();
    expect(check.tradecraft.map((t) => [t.claimNumber, t.rule])).toEqual([
      [1, 'high-confidence-single-source'],
      [2, 'vague-probability'],
    ]);
    expect(check.tradecraft[1]!.message).toContain('“might” is not on the ICD 203 likelihood scale');
    expect(check.endnoteGaps).toEqual([
      expect.objectContaining({ title: 'הרחבת הנמל', missing: ['author', 'publishedAt', 'sourceType', 'url', 'accessedAt'] }),
    ]);
    expect(check.endnoteGaps[0]!.message).toBe('The endnote of “הרחבת הנמל” has no author or originator, publication date, source type, URL and access date.');
    expect(check.product).toEqual(['The brief has no source summary statement of its own; the export prints the one Sourcemark drafts from the evidence.']);

    // Fixed: a second source for claim 1, a scale term for claim 2; the check is then clean.
    await lib.call('updateClaim', { id: claims[1]!.id, text: 'Regional media report the same date.' });
    const second = (await lib.call('getBrief', { id: brief.id })).claims[1]!.citations[0]!.quoteId;
    await lib.call('addCitation', { claimId: claims[0]!.id, quoteId: second });
    await lib.call('updateBrief', { id: brief.id, sourceSummary: 'Official and regional media sources; no independent confirmation.' });
    const fixed = await lib.call('checkExport', { briefId: brief.id });
    expect(fixed.tradecraft).toEqual([]);
    expect(fixed.product).toEqual([]);
  });

  it('refuses an untitled or empty brief with the reason, and writes nothing', async () => {
    lib = await openExportLibrary(renderer);
    const untitled = await lib.call('createBrief', { title: 'Untitled brief', summary: 'Something.' });
    const empty = await lib.call('createBrief', { title: 'Port of Tartus' });
    await lib.call('addClaim', { briefId: empty.id, text: '   ' });
    for (const format of ['pdf', 'markdown', 'docx'] as const) {
      const a = await lib.refuse('exportBrief', { briefId: untitled.id, format, allowUncited: true });
      expect(a.code).toBe('EXPORT_EMPTY');
      expect(a.message).toContain('has no title of its own (“Untitled brief”)');
      const b = await lib.refuse('exportBrief', { briefId: empty.id, format, allowUncited: true });
      expect(b.message).toBe('“Port of Tartus” has no bottom line and no written claim; there is nothing to export yet.');
    }
    expect((await lib.call('checkExport', { briefId: untitled.id })).empty).toContain('no title of its own');
    expect(fs.existsSync(lib.exportsDir) ? fs.readdirSync(lib.exportsDir) : []).toEqual([]);
    expect(await lib.call('exportRecords', {})).toEqual([]);
  });
});

describe('PDF: who made it, and the passages verbatim in every script', () => {
  it('names Sourcemark and its version as Creator and Producer, and attaches the verified passages', async () => {
    lib = await openExportLibrary(renderer);
    const { brief } = await portBrief();
    const { record, pages } = await lib.call('exportBrief', { briefId: brief.id, format: 'pdf' });
    const file = record.path;
    expect(record.bytes).toBe(fs.statSync(file).size);
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toMatch(/^Creator:\s+Sourcemark 0\.0\.0-test$/m);
    expect(info).toMatch(/^Producer:\s+Sourcemark 0\.0\.0-test$/m);
    expect(info).toMatch(/^Title:\s+Port of Tartus: reopening$/m);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));

    // Another reader (poppler) lists and extracts the attachment; its passages are the stored text exactly.
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('evidence-passages.json');
    const out = path.join(lib.dir, 'att.json');
    execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
    const attached = JSON.parse(fs.readFileSync(out, 'utf8')) as { passages: { exact: string; source: { title: string; textSha256: string } }[] };
    expect(attached.passages.map((p) => p.exact)).toEqual([ENGLISH, ARABIC, HEBREW]);
    const full = await lib.call('getBrief', { id: brief.id });
    expect(attached.passages.map((p) => p.source.textSha256)).toEqual(full.sources.map((s) => s.bodySha256));

    // The text of the page: the annex says where the exact text is; each page edge has the marking once.
    const text = pdfPages(file);
    const all = squash(text.join('\n'));
    expect(all).toContain(squash('attached to this PDF as the file evidence-passages.json'));
    expect(all).toContain(squash('Likelihood: likely (55–80%) · Confidence: high'));
    expect(all).toContain(squash('Source summary statement'));
    for (const page of text) expect(squash(page).split('OFFICIAL').length - 1).toBe(2);
  });
});

describe('Word export', () => {
  it('has the same structure, citations as footnotes, the evidence annex, and the marking in header and footer', async () => {
    lib = await openExportLibrary(renderer);
    const { brief } = await portBrief();
    await lib.call('updateBrief', { id: brief.id, portionMark: 'U', likelihoodRow: 'probable' });
    const { record, pages } = await lib.call('exportBrief', { briefId: brief.id, format: 'docx', allowUncited: true });
    expect(pages).toBeNull();
    expect(record.path.endsWith('.docx')).toBe(true);
    const bytes = fs.readFileSync(record.path);

    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const text = html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const order = ['Port of Tartus: reopening', 'Prepared by: A. Analyst, Open Source Desk', 'Information cut-off: 2026-02-12', 'Dissemination: Distribution: project team only', 'Bottom line', '(U) The port will reopen in March.', 'Source summary statement', 'Claims', '(U) The port will likely reopen in March.', 'Likelihood: probable (55–80%) · Confidence: high', 'Evidence annex', 'Source reference citations'];
    const at = order.map((t) => text.indexOf(t));
    expect(at.every((i) => i >= 0), JSON.stringify(order.filter((_, k) => at[k]! < 0))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Three citations, three footnotes, each with its passage verbatim (Arabic and Hebrew as stored).
    expect(html.match(/<a href="#footnote-\d+" id="footnote-ref-\d+">/g)).toHaveLength(3);
    for (const passage of [ENGLISH, ARABIC, HEBREW]) expect(html).toContain(`“${passage}”`);
    expect(text).toContain('Ministry of Transport, “Ministry statement”, Ministry of Transport, 2026-02-11, Official statement, https://example.org/en, accessed 2026-02-12.');

    // Header and footer parts carry the marking; the footer numbers the pages.
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files);
    const header = await zip.file(parts.find((p) => /^word\/header\d*\.xml$/.test(p))!)!.async('string');
    const footer = await zip.file(parts.find((p) => /^word\/footer\d*\.xml$/.test(p))!)!.async('string');
    expect(header).toContain('>OFFICIAL<');
    expect(footer).toContain('>OFFICIAL<');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('Sourcemark 0.0.0-test');
  });
});
