// PDFs as analysts get them: printed from a web page by Chromium, several pages long, sometimes
// password-protected, truncated by a failed download, or not a PDF at all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFile } from '../../../main/import/parse';
import { pdfDate } from '../../../main/import/pdf';
import { PdfMaker, articleHtml, encryptedPdf } from './pdf-fixtures';

const PARAGRAPHS = [
  'The ministry said on Tuesday that talks with the neighbouring states would resume next week in Vienna, after a pause of several months caused by the dispute over water rights.',
  'Delegates from five countries are expected to attend. Observers said the outcome would depend on whether the upstream dams are included in the agenda, which two of the parties oppose.',
  'Переговоры возобновятся на следующей неделе, заявили в министерстве.',
];

let maker: PdfMaker;
let report: Buffer;

beforeAll(async () => {
  maker = new PdfMaker();
  report = await maker.fromHtml(articleHtml('Talks to resume in Vienna', PARAGRAPHS, '<meta name="author" content="Desk">'));
}, 60_000);
afterAll(async () => {
  await maker.close();
});

const read = (name: string, bytes: Uint8Array) => parseFile({ name, bytes });

describe('PDFs printed by Chromium', () => {
  test('the text comes in reading order with its paragraphs, the title from the document info', async () => {
    const parsed = await read('talks.pdf', report);
    expect(parsed.format).toBe('pdf');
    expect(parsed.title).toBe('Talks to resume in Vienna');
    expect(parsed.body.split('\n\n')).toEqual(['Talks to resume in Vienna', ...PARAGRAPHS]);
    expect(parsed.metadata.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(parsed.metadata.language).toBe('en');
  });

  test('a ten-page report keeps every paragraph, in order', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}. ${PARAGRAPHS[i % 2]}`);
    const pdf = await maker.fromHtml(articleHtml('Long report', many));
    const parsed = await read('long.pdf', pdf);
    const paragraphs = parsed.body.split('\n\n').filter((p) => p.startsWith('Paragraph '));
    expect(paragraphs.length).toBeGreaterThanOrEqual(60); // a paragraph split by a page break counts twice
    expect(parsed.body.indexOf('Paragraph 60.')).toBeGreaterThan(parsed.body.indexOf('Paragraph 59.'));
    for (let i = 1; i <= 60; i++) expect(parsed.body).toContain(`Paragraph ${i}. `);
  });

  test('a PDF with no text layer is refused, with the reason', async () => {
    const picture = await maker.fromHtml('<html><body><div style="width:300px;height:300px;background:#345"></div></body></html>');
    await expect(read('scan.pdf', picture)).rejects.toThrow('scan.pdf: the PDF has no text to import (it may be scanned images); run it through OCR first.');
  });
});

describe('damaged and protected PDFs', () => {
  test('truncated at any point: a clear error, never a hang', async () => {
    for (const fraction of [0.95, 0.6, 0.3, 0.05]) {
      const cut = report.subarray(0, Math.floor(report.length * fraction));
      // A hang would run into the test's own timeout; no wall-clock bound here (busy machines).
      await expect(read('cut.pdf', cut)).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/^cut\.pdf: the PDF is damaged or incomplete/) });
    }
  });

  test('garbage after the header, and garbage written over the middle', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251))]);
    await expect(read('garbage.pdf', garbage)).rejects.toThrow(/^garbage\.pdf: /);
    const scribbled = Buffer.from(report);
    scribbled.fill(0x5a, Math.floor(scribbled.length * 0.2), Math.floor(scribbled.length * 0.8));
    const outcome = await read('scribbled.pdf', scribbled).then(
      (p) => `read: ${p.body.length} characters`,
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(/^scribbled\.pdf: |^read: /);
  });

  test('a password-protected PDF is refused, saying so', async () => {
    await expect(read('secret.pdf', encryptedPdf('Eyes only', 'hunter2'))).rejects.toThrow(
      'secret.pdf: the PDF is protected by a password. Open it in a PDF reader, save a copy without the password, and import that.',
    );
  });

  test('a PDF encrypted only to restrict permissions (no password to open) imports', async () => {
    const parsed = await read('restricted.pdf', encryptedPdf('Readable by anyone', ''));
    expect(parsed.body).toBe('Readable by anyone');
  });
});

test('PDF dates become ISO dates', () => {
  expect(pdfDate("D:20260301143000+01'00'")).toBe('2026-03-01T14:30:00+01:00');
  expect(pdfDate('D:20260301143000Z')).toBe('2026-03-01T14:30:00Z');
  expect(pdfDate('D:2026')).toBe('2026-01-01');
  expect(pdfDate('yesterday')).toBeNull();
});
