// Exports real briefs to PDF with the real renderer and reads them back as a reader would.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BriefFull } from '../../../db/model';
import { buildBrief, openExportLibrary, pdfFonts, pdfHasVerbatim, pdfOutline, pdfPages, sharedRenderer, squash, type ExportLibrary } from './export-helpers';

const renderer = sharedRenderer();
let lib: ExportLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});
afterAll(() => renderer.shutdown());

/** Everything a reader must be able to check, page by page. */
function expectReadable(file: string, brief: BriefFull): string[] {
  const pages = pdfPages(file);
  const all = pages.join('\n');
  for (const claim of brief.claims) expect(squash(all), `claim ${claim.number}`).toContain(squash(claim.text));
  for (const claim of brief.claims) {
    for (const c of claim.citations) expect(pdfHasVerbatim(all, brief.quotes.find((q) => q.id === c.quoteId)!.exact), `quote [${c.number}] verbatim`).toBe(true);
  }
  pages.forEach((page, i) => {
    // Header and footer carry the marking, once each; the page itself does not repeat it.
    expect(squash(page).split(squash(brief.marking)).length - 1, `marking on page ${i + 1}`).toBe(2);
    expect(page, `page number on page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
  });
  return pages;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('PDF export', () => {
  it('exports the demo brief: every claim, every quote verbatim, marking and Page X of Y on each page, recorded', async () => {
    lib = await openExportLibrary(renderer, { demo: true });
    const [demo] = await lib.call('listBriefs', {});
    const brief = await lib.call('getBrief', { id: demo!.id });
    const { record, pages } = await lib.call('exportBrief', { briefId: brief.id, format: 'pdf' });
    const file = record.path;
    const text = expectReadable(file, brief);
    expect(pages).toBe(text.length);
    expect(record).toMatchObject({ briefId: brief.id, briefTitle: brief.title, format: 'pdf', path: file, bytes: fs.statSync(file).size });
    expect(record.sha256).toBe(sha256(file));
    expect(await lib.call('exportRecords', { briefId: brief.id })).toEqual([record]);
    // The annex says, in words, how each passage bears on its claim; the sources are listed.
    const all = text.join('\n');
    expect(all).toContain('Evidence annex');
    expect(all).toContain('Source reference citations');
    for (const s of brief.sources) expect(squash(all)).toContain(squash(s.title));
    if (brief.claims.some((c) => c.citations.some((ci) => ci.relation === 'contradicts'))) expect(all).toContain('CONTRADICTS the claim');
    // A tagged PDF whose outline follows the headings: sections, then each claim's evidence.
    const { outline, tagged } = await pdfOutline(file);
    expect(tagged).toBe(true);
    expect(outline).toEqual(expect.arrayContaining(['1:Bottom line', '1:Claims', '1:Evidence annex', '1:Source reference citations']));
    for (const claim of brief.claims) expect(outline).toContain(`2:Claim ${claim.number}`);
  });

  it('renders Russian, Arabic and Chinese quotes as text with embedded Noto fonts', async () => {
    lib = await openExportLibrary(renderer);
    const ru = 'Губернатор заявил, что порт будет расширен к 2027 году.';
    const ar = 'قال المتحدث إن الميناء لا يزال قيد التوسيع حتى عام ٢٠٢٧.';
    const zh = '港口将在二〇二七年前完成扩建，省长表示。';
    const id = await buildBrief(lib, {
      title: 'Port expansion in three languages',
      marking: 'OFFICIAL-SENSITIVE',
      sources: [
        { title: 'Губернатор о порте', body: `Вступление.\n${ru}\nКонец.`, language: 'ru', outlet: 'Известия' },
        { title: 'توسيع الميناء', body: `مقدمة. ${ar} خاتمة.`, language: 'ar', outlet: 'الجزيرة' },
        { title: '港口扩建', body: `导语。${zh}结束。`, language: 'zh', outlet: '新华社' },
      ],
      claims: [
        { text: 'The governor announced the expansion.', confidence: 'high', cites: [{ source: 0, passage: ru }] },
        { text: 'Arabic-language media report work continuing.', cites: [{ source: 1, passage: ar }] },
        { text: 'Chinese media give a different date.', confidence: 'low', cites: [{ source: 2, passage: zh, relation: 'contradicts' }] },
      ],
    });
    const brief = await lib.call('getBrief', { id });
    const file = (await lib.call('exportBrief', { briefId: id, format: 'pdf' })).record.path;
    const all = expectReadable(file, brief).join('\n');
    expect(all).toContain('CONTRADICTS the claim');
    expect(squash(all)).toContain(squash('Известия'));
    const fonts = pdfFonts(file);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => f.name.includes('NotoSansArabic'))).toBe(true);
    expect(fonts.some((f) => f.name.includes('NotoSansSC'))).toBe(true);
  });

  it('needs no system fonts for non-Latin scripts: with one Latin system font, every other glyph comes from the embedded Noto', async () => {
    const fcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-fc-'));
    fs.mkdirSync(path.join(fcDir, 'fonts'));
    // Chromium aborts with no font at all, so the bare machine gets one system font without Noto.
    const latin =
      ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].find((f) => fs.existsSync(f)) ??
      execFileSync('fc-match', ['-f', '%{file}', 'sans-serif:lang=en'], { encoding: 'utf8' }).trim();
    if (!latin || !fs.existsSync(latin)) throw new Error('This test needs one system font (fonts-liberation, fonts-dejavu-core or any sans-serif).');
    fs.copyFileSync(latin, path.join(fcDir, 'fonts', path.basename(latin)));
    fs.writeFileSync(
      path.join(fcDir, 'fonts.conf'),
      `<?xml version="1.0"?><fontconfig><dir>${fcDir}/fonts</dir><cachedir>${fcDir}/cache</cachedir></fontconfig>`,
    );
    const bare = sharedRenderer({ env: { FONTCONFIG_FILE: path.join(fcDir, 'fonts.conf') } });
    try {
      lib = await openExportLibrary(bare);
      const ar = 'وقالت الحكومات الغربية إن المحادثات ستستأنف.';
      const zh = '北京和东京的代表表示，谈判将于下周恢复。';
      const id = await buildBrief(lib, {
        title: 'Talks resume — переговоры',
        marking: 'СЕКРЕТНО',
        sources: [{ title: 'Reports', body: `${ar}\n${zh}` }],
        claims: [{ text: 'Talks resume next week.', cites: [{ source: 0, passage: ar }, { source: 0, passage: zh }] }],
      });
      const file = (await lib.call('exportBrief', { briefId: id, format: 'pdf' })).record.path;
      expectReadable(file, await lib.call('getBrief', { id }));
      const fonts = pdfFonts(file);
      expect(fonts.some((f) => f.name.includes('+NotoSansArabic'))).toBe(true);
      expect(fonts.some((f) => f.name.includes('+NotoSansSC'))).toBe(true);
      // Only the Latin text of the header and footer ("Page 1 of 1") may come from the machine's own
      // font, which Skia emboldens as Type 3 outlines when the machine has no bold face.
      const systemName = path.basename(latin).replace(/\.[a-z]+$/i, '').replace(/-Regular$/, '');
      for (const f of fonts.filter((x) => !x.name.includes('+NotoSans'))) expect(f.name === '[none]' || f.name.includes(systemName), f.name).toBe(true);
    } finally {
      await bare.shutdown();
      fs.rmSync(fcDir, { recursive: true, force: true });
    }
  });

  it('exports a 300-claim brief with page numbers on every page', async () => {
    lib = await openExportLibrary(renderer);
    const body = Array.from({ length: 300 }, (_, i) => `Observation ${i + 1}: the harbour log records vessel movement number ${i + 1}.`).join('\n');
    const claims = Array.from({ length: 300 }, (_, i) => ({
      text: `Claim ${i + 1}: vessel movement ${i + 1} was recorded in the harbour log.`,
      cites: [{ source: 0, passage: `Observation ${i + 1}: the harbour log records vessel movement number ${i + 1}.` }],
    }));
    const id = await buildBrief(lib, { title: 'Harbour log, 300 claims', sources: [{ title: 'Harbour log', body }], claims });
    const brief = await lib.call('getBrief', { id });
    const { record, pages } = await lib.call('exportBrief', { briefId: id, format: 'pdf' });
    const file = record.path;
    const text = expectReadable(file, brief);
    expect(pages).toBe(text.length);
    expect(pages).toBeGreaterThan(20);
  }, 120_000);

  it('writes to the exports folder with a safe name and reads the bytes back for download', async () => {
    lib = await openExportLibrary(renderer);
    const id = await buildBrief(lib, { title: 'Weekly: ports / harbours?', sources: [{ title: 'S', body: 'Alpha beta gamma.' }], claims: [{ text: 'Alpha.', cites: [{ source: 0, passage: 'Alpha' }] }] });
    const { record } = await lib.call('exportBrief', { briefId: id, format: 'pdf' });
    expect(path.dirname(record.path)).toBe(lib.exportsDir);
    expect(path.basename(record.path)).toMatch(/^Weekly-ports-harbours-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.pdf$/);
    const download = await lib.download(record.id);
    expect(download.mime).toBe('application/pdf');
    expect(download.fileName).toBe(path.basename(record.path));
    expect(download.bytes.equals(fs.readFileSync(record.path))).toBe(true);
    // A file changed after export is not handed out as if it were the export.
    fs.appendFileSync(record.path, '%tampered');
    await expect(lib.download(record.id)).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
  });
});
