import { describe, expect, it } from 'vitest';
import { electronPdfOptions, playwrightPdfOptions } from '../../../main/export/print-options';

describe('print options for the two renderers', () => {
  it('map one PrintOptions to the same page, margins, templates, outline and tags', () => {
    const opts = { format: 'A4' as const, margin: { top: 0.75, bottom: 0.85, left: 0.7, right: 0.65 }, headerTemplate: '<b>H</b>', footerTemplate: '<i>F</i>', outline: true };
    const pw = playwrightPdfOptions(opts);
    const el = electronPdfOptions(opts);
    expect(el.pageSize).toBe(pw.format);
    expect(el.margins).toEqual({ marginType: 'custom', top: 0.75, bottom: 0.85, left: 0.7, right: 0.65 });
    expect(pw.margin).toEqual({ top: '0.75in', bottom: '0.85in', left: '0.7in', right: '0.65in' });
    expect([el.headerTemplate, el.footerTemplate]).toEqual([pw.headerTemplate, pw.footerTemplate]);
    expect([el.displayHeaderFooter, el.printBackground, el.preferCSSPageSize]).toEqual([pw.displayHeaderFooter, pw.printBackground, pw.preferCSSPageSize]);
    expect([el.generateDocumentOutline, el.generateTaggedPDF]).toEqual([pw.outline, pw.tagged]);
  });
});
