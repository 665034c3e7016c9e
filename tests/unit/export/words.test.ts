import { describe, expect, it } from 'vitest';
import { countPagesBySyntax } from '../../../main/export/pdf-pages';
import { formatDate, safeFileStem } from '../../../main/export/words';

describe('export wording', () => {
  it('keeps dates as written and shows timestamps in UTC to the minute', () => {
    expect(formatDate('2026-02-14')).toBe('2026-02-14');
    expect(formatDate('2026-02-20T11:30:00+02:00')).toBe('2026-02-20 09:30 UTC');
    expect(formatDate(null)).toBe('not recorded');
  });

  it('makes file names from titles in any script without separators or split characters', () => {
    expect(safeFileStem('Weekly: ports / harbours?')).toBe('Weekly-ports-harbours');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('Обзор: порт № 3')).toBe('Обзор-порт-3');
    expect(safeFileStem('港口扩建')).toBe('港口扩建');
    expect(safeFileStem('???')).toBe('brief');
    const long = safeFileStem('𝐀'.repeat(100));
    expect(Array.from(long)).toHaveLength(80);
    expect(long).toBe('𝐀'.repeat(80));
  });
});

describe('page count of a PDF', () => {
  const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF`);

  it('counts page objects and checks them against the page tree', () => {
    const kids = '1 0 obj\n<</Type /Page /Parent 3 0 R>>\nendobj\n2 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj\n';
    expect(countPagesBySyntax(pdf(`${kids}3 0 obj\n<</Type /Pages\n/Count 2\n/Kids [1 0 R 2 0 R]>>\nendobj`))).toBe(2);
  });

  it('declines to guess when objects are compressed or the counts disagree', () => {
    expect(countPagesBySyntax(pdf('1 0 obj\n<</Type /ObjStm /N 3>>\nendobj'))).toBeNull();
    expect(countPagesBySyntax(pdf('1 0 obj\n<</Type /Page>>\nendobj\n3 0 obj\n<</Type /Pages /Count 2>>\nendobj'))).toBeNull();
    expect(countPagesBySyntax(new TextEncoder().encode('not a pdf'))).toBeNull();
  });
});

describe('a renderer that returns no PDF', () => {
  it('fails the export with a clear message instead of saving the bytes', async () => {
    const { countPdfPages } = await import('../../../main/export/pdf-pages');
    await expect(countPdfPages(new Uint8Array())).rejects.toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringContaining('nothing was saved') });
  });
});
